package dev.rapport.schedule;

import java.time.Instant;

/** A contact's next scheduled action and when it is due; {@code why} says what it follows from. */
public record NextAction(long contactId, Action action, Instant at, String why) {
  /** True when it should happen at {@code now} or already should have. */
  public boolean dueAt(Instant now) {
    return !at.isAfter(now);
  }
}
