package dev.rapport.doctor;

import dev.rapport.RapportException;
import dev.rapport.schedule.FailureStore;
import dev.rapport.schedule.NextAction;
import dev.rapport.schedule.ScheduleRunner;
import dev.rapport.schedule.ScheduleService;
import dev.rapport.store.Database;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The scheduler: what it has planned, whether its stored triggers are there, and every scheduled
 * action that failed and waits to be tried again.
 */
public final class ScheduleCheck {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ScheduleCheck() {}

  public static List<Finding> run(
      Supplier<Database> db, Supplier<ScheduleService> schedule, ZoneId zone) {
    List<Finding> out = new ArrayList<>();
    try {
      ScheduleService s = schedule.get();
      List<NextAction> plan = s.plan();
      String next =
          plan.isEmpty()
              ? "nothing planned"
              : plan.size()
                  + " action(s) planned; the first: "
                  + plan.get(0).action().description()
                  + " for contact "
                  + plan.get(0).contactId()
                  + " at "
                  + SHOWN.format(plan.get(0).at().atZone(zone));
      if (plan.isEmpty() || ScheduleRunner.intact(db.get())) {
        out.add(Finding.ok("scheduler", next));
      } else {
        out.add(
            Finding.warn(
                "scheduler",
                next + "; the stored triggers are missing",
                "'rapport run' rebuilds them at start; or run 'rapport doctor --repair-schedule'."));
      }
      for (FailureStore.Failure f : s.failures()) {
        out.add(
            Finding.warn(
                "scheduler",
                f.key()
                    + " failed "
                    + f.attempts()
                    + " time(s): "
                    + f.lastError()
                    + "; next attempt at "
                    + SHOWN.format(f.nextAttemptAt().atZone(zone)),
                "It is tried again by itself; fix what the error names (a template, the mail account) to let it succeed."));
      }
    } catch (RapportException e) {
      out.add(Finding.fail("scheduler", e.getMessage(), "Check the database first."));
    }
    return out;
  }
}
