package dev.rapport.schedule;

import dev.rapport.daemon.Component;
import dev.rapport.store.Database;
import dev.rapport.store.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler, a daemon {@link Component} started after the inbox watcher (whose start has read
 * every reply that came while the daemon was down). At start it keeps the triggers stored in the
 * database, so that those missed while it was down get their misfire instruction — each fires once
 * — or rebuilds them from the database when the Quartz tables lost them.
 */
public final class ScheduleRunner implements Component {
  private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);
  private static final Duration LONGEST_SWEEP = Duration.ofMinutes(1);
  private static final Duration SHORTEST_SWEEP = Duration.ofSeconds(1);

  private final Supplier<Database> database;
  private final boolean ownsDatabase;
  private Database quartzDatabase;
  private final Supplier<ScheduleService> services;
  private final Duration sweepEvery;
  private final AtomicLong runs = new AtomicLong();
  private ScheduleService service;
  private QuartzSchedule quartz;

  /**
   * Both are asked for at start, when the database and the inbox run.
   *
   * @param database the database Quartz's job store uses
   * @param ownsDatabase true when that database was opened for Quartz alone and is closed with it
   */
  public ScheduleRunner(
      Supplier<Database> database,
      boolean ownsDatabase,
      Supplier<ScheduleService> service,
      Duration sweepEvery) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.services = service;
    this.sweepEvery = sweepEvery;
  }

  /**
   * How often to look for changes other processes made: a fifth of the follow-up wait, between one
   * second and a minute (so a config with second-long cadences can be tried end to end).
   */
  public static Duration sweepEvery(Duration followUpAfter) {
    Duration d = followUpAfter.dividedBy(5);
    if (d.compareTo(SHORTEST_SWEEP) < 0) return SHORTEST_SWEEP;
    return d.compareTo(LONGEST_SWEEP) > 0 ? LONGEST_SWEEP : d;
  }

  @Override
  public String name() {
    return "scheduler";
  }

  @Override
  public void start() {
    service = services.get();
    quartzDatabase = database.get();
    try {
      quartz = QuartzSchedule.open(quartzDatabase, this::runOnce);
    } catch (RuntimeException e) {
      if (ownsDatabase) quartzDatabase.close();
      throw e;
    }
    try {
      if (!quartz.intact()) {
        log.info("no stored schedule: building it from the database");
        rebuild();
      } else {
        quartz.keepSweepEvery(sweepEvery);
      }
      quartz.start();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  @Override
  public void stop() {
    try {
      quartz.close();
    } finally {
      if (ownsDatabase) quartzDatabase.close();
    }
  }

  /** Replaces the stored triggers with ones derived from the database. */
  public void rebuild() {
    quartz.rebuild(sweepEvery, service.nextWake(), service.nextDigest());
  }

  /**
   * Rebuilds the stored triggers from the database with a scheduler that is never started ({@code
   * doctor --repair-schedule}); safe beside a running daemon, whose scheduler picks them up from
   * the tables.
   */
  public static void repair(Database db, ScheduleService service, Duration sweepEvery) {
    try (QuartzSchedule q =
        QuartzSchedule.open(
            db,
            () -> {
              throw new IllegalStateException("never started");
            })) {
      q.rebuild(sweepEvery, service.nextWake(), service.nextDigest());
    }
  }

  /** True when the stored schedule has its job and sweep trigger (what doctor checks). */
  public static boolean intact(Database db) {
    return db.read(
        c ->
            Sql.count(
                    c,
                    "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE SCHED_NAME = ? AND TRIGGER_NAME = 'sweep'",
                    QuartzSchedule.SCHEDULER_NAME)
                > 0);
  }

  /** How many times the job has run since start (tests, the dashboard). */
  public long runs() {
    return runs.get();
  }

  /** One run of the job: what is due, then the wake-up and digest triggers set again. */
  private void runOnce() {
    try {
      RunSummary s = service.runDue();
      if (s.total() > 0 || s.held() > 0 || !s.failed().isEmpty() || s.digest().isPresent())
        log.info("{}", s.line());
      // A wake-up still in the past would fire again at once: leave that to the sweep.
      Instant now = Instant.now();
      quartz.setOnce(QuartzSchedule.WAKE, service.nextWake().filter(t -> t.isAfter(now)));
      quartz.setOnce(QuartzSchedule.DIGEST, service.nextDigest());
    } catch (SchedulerException e) {
      log.warn("the next wake-up could not be stored; the sweep will: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.warn("the scheduled run failed; the next sweep tries again: {}", e.getMessage());
      throw e;
    } finally {
      runs.incrementAndGet();
    }
  }
}
