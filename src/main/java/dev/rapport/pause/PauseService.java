package dev.rapport.pause;

import dev.rapport.InvalidInputException;
import dev.rapport.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Pause and resume: while paused nothing is sent and no nudge is drafted (drafts can still be made
 * and reviewed). On resume, the backlog goes out spread within pacing, and nudge clocks move on by
 * the time paused, so nobody gets a nudge the day after a long break.
 */
public final class PauseService {
  private final Database db;
  private final Clock clock;
  private final ZoneId zone;
  private final PauseStore store = new PauseStore();

  public PauseService(Database db, Clock clock, ZoneId zone) {
    this.db = db;
    this.clock = clock;
    this.zone = zone;
  }

  /**
   * Starts a pause now; with {@code until}, it ends by itself at the start of that day in the
   * user's timezone.
   */
  public Pause pause(LocalDate until, String note) {
    Instant now = clock.instant();
    Instant end = until == null ? null : until.atStartOfDay(zone).toInstant();
    if (end != null && !end.isAfter(now))
      throw new InvalidInputException(
          "--until: " + until + " is not in the future; give the day you want to be back.");
    String cleanNote = note == null || note.isBlank() ? null : note.strip();
    if (cleanNote != null && cleanNote.length() > 1000)
      throw new InvalidInputException("--note: longer than 1000 characters");
    return db.transaction(
        c -> {
          Optional<Pause> open = store.activeAt(c, now);
          if (open.isPresent())
            throw new InvalidInputException(
                "rapport is already paused (since "
                    + open.get().startedAt().atZone(zone).toLocalDate()
                    + "); 'resume' ends that pause.");
          return store.find(c, store.insert(c, now, end, cleanNote)).orElseThrow();
        });
  }

  /** Ends the pause in force now; empty when there is none. */
  public Optional<Pause> resume() {
    Instant now = clock.instant();
    return db.transaction(
        c -> {
          Optional<Pause> open = store.activeAt(c, now);
          if (open.isEmpty()) return Optional.empty();
          store.end(c, open.get().id(), now);
          return store.find(c, open.get().id());
        });
  }

  public Optional<Pause> current() {
    Instant now = clock.instant();
    return db.read(c -> store.activeAt(c, now));
  }

  /**
   * How long rapport was paused between {@code from} and {@code to}: a nudge due {@code
   * follow_up_after} after a send moves on by this much.
   */
  public Duration pausedBetween(Instant from, Instant to) {
    return db.read(
        c -> {
          Duration total = Duration.ZERO;
          for (Pause p : store.all(c)) total = total.plus(p.overlap(from, to));
          return total;
        });
  }
}
