package dev.rapport.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * The one Quartz job: does what is due now. Every trigger fires it; one run at a time, so a wake-up
 * and a sweep that fall together run one after the other, and the second finds nothing left.
 */
@DisallowConcurrentExecution
final class DueJob implements Job {
  private final Runnable run;

  DueJob(Runnable run) {
    this.run = run;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      run.run();
    } catch (RuntimeException e) {
      // Not refired at once: the next sweep tries again, and doctor shows the failures recorded.
      throw new JobExecutionException(e, false);
    }
  }
}
