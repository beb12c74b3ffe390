package dev.rapport.schedule;

import dev.rapport.daemon.DaemonException;
import dev.rapport.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz over rapport's database (JobStoreTX, its tables made by migration V5, job data stored as
 * properties). It holds three triggers, all on the one {@link DueJob}, and every one is only a
 * wake-up call — what is due is read from the database at each run:
 *
 * <ul>
 *   <li>{@code sweep}: every {@code sweepEvery}, to see changes made by commands in other
 *       processes. Misfire: fire once now, then keep the period (after weeks down it fires once,
 *       not once per missed period).
 *   <li>{@code wake}: once, at the soonest planned action. Misfire: fire now.
 *   <li>{@code digest}: once, at the next digest moment (computed with java.time, so
 *       daylight-saving changes neither skip nor double it). Misfire: fire now.
 * </ul>
 *
 * After each run {@code wake} and {@code digest} are set again from the database, and {@link
 * #rebuild} replaces all three, which is how {@code doctor --repair-schedule} restores lost tables.
 */
final class QuartzSchedule implements AutoCloseable {
  static final String SCHEDULER_NAME = "rapport";
  static final String GROUP = "rapport";
  static final JobKey JOB = JobKey.jobKey("due", GROUP);
  static final TriggerKey SWEEP = TriggerKey.triggerKey("sweep", GROUP);
  static final TriggerKey WAKE = TriggerKey.triggerKey("wake", GROUP);
  static final TriggerKey DIGEST = TriggerKey.triggerKey("digest", GROUP);

  private final Scheduler quartz;
  private final String dataSource;

  private QuartzSchedule(Scheduler quartz, String dataSource) {
    this.quartz = quartz;
    this.dataSource = dataSource;
  }

  /**
   * A Quartz scheduler on {@code db}, in standby until {@link #start}; each job run calls {@code
   * run}.
   */
  static QuartzSchedule open(Database db, Runnable run) {
    String dataSource = "rapport-" + UUID.randomUUID();
    DBConnectionManager.getInstance()
        .addConnectionProvider(dataSource, new DatabaseConnections(db));
    Properties p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME);
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "local");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "rapport-scheduler");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", dataSource);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.isClustered", "false");
    // A trigger later than this counts as misfired and gets its misfire instruction.
    p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
    try {
      Scheduler s = new StdSchedulerFactory(p).getScheduler();
      s.setJobFactory((bundle, scheduler) -> new DueJob(run));
      return new QuartzSchedule(s, dataSource);
    } catch (SchedulerException e) {
      DBConnectionManager.getInstance().addConnectionProvider(dataSource, null);
      throw new DaemonException("The scheduler could not be set up: " + e.getMessage(), e);
    }
  }

  void start() {
    try {
      quartz.start();
    } catch (SchedulerException e) {
      throw new DaemonException("The scheduler could not start: " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the job and all three triggers: the sweep from now on, the wake-up and the digest at
   * the given moments.
   */
  void rebuild(Duration sweepEvery, Optional<Instant> wake, Optional<Instant> digest) {
    try {
      quartz.unscheduleJob(SWEEP);
      quartz.unscheduleJob(WAKE);
      quartz.unscheduleJob(DIGEST);
      JobDetail job =
          JobBuilder.newJob(DueJob.class)
              .withIdentity(JOB)
              .withDescription("does what is due now")
              .storeDurably()
              .build();
      quartz.addJob(job, true);
      quartz.scheduleJob(sweep(sweepEvery));
      setOnce(WAKE, wake);
      setOnce(DIGEST, digest);
    } catch (SchedulerException e) {
      throw new DaemonException("The schedule could not be written: " + e.getMessage(), e);
    }
  }

  private static Trigger sweep(Duration every) {
    return TriggerBuilder.newTrigger()
        .withIdentity(SWEEP)
        .forJob(JOB)
        .startNow()
        .withSchedule(
            SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(every.toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNowWithExistingCount())
        .build();
  }

  /**
   * Gives the stored sweep a new period when the config's changed (it starts again from now);
   * leaves it, with any misfire it has to report, when the period is the same.
   */
  void keepSweepEvery(Duration every) {
    try {
      Trigger t = quartz.getTrigger(SWEEP);
      if (t instanceof SimpleTrigger s && s.getRepeatInterval() == every.toMillis()) return;
      quartz.rescheduleJob(SWEEP, sweep(every));
    } catch (SchedulerException e) {
      throw new DaemonException("The schedule could not be written: " + e.getMessage(), e);
    }
  }

  /** True when the job and the sweep trigger are stored: the schedule is intact. */
  boolean intact() {
    try {
      return quartz.checkExists(JOB) && quartz.checkExists(SWEEP);
    } catch (SchedulerException e) {
      return false;
    }
  }

  /** Sets (or, with empty, removes) a one-shot trigger; a moment in the past fires at once. */
  void setOnce(TriggerKey key, Optional<Instant> at) throws SchedulerException {
    if (at.isEmpty()) {
      quartz.unscheduleJob(key);
      return;
    }
    Trigger t =
        TriggerBuilder.newTrigger()
            .withIdentity(key)
            .forJob(JOB)
            .startAt(Date.from(at.get()))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    if (quartz.checkExists(key)) quartz.rescheduleJob(key, t);
    else quartz.scheduleJob(t);
  }

  @Override
  public void close() {
    try {
      quartz.shutdown(true);
    } catch (SchedulerException e) {
      throw new DaemonException("The scheduler did not stop cleanly: " + e.getMessage(), e);
    } finally {
      DBConnectionManager.getInstance().addConnectionProvider(dataSource, null);
    }
  }
}
