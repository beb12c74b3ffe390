package dev.rapport.interview;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One informational interview with a contact: when (kept with the zone it was given in), how long,
 * where, and what the user made of it.
 */
public record Interview(
    long id,
    long contactId,
    Status status,
    OffsetDateTime startsAt,
    String zone,
    int minutes,
    String place,
    Source source,
    String invitationUid,
    String highlight,
    Reflection reflection,
    OffsetDateTime createdAt,
    OffsetDateTime doneAt) {

  public enum Status {
    SCHEDULED,
    DONE,
    CANCELLED
  }

  /** How the time came in: a command, or a calendar invitation the user has yet to confirm. */
  public enum Source {
    COMMAND,
    INVITATION
  }

  /** The start in the zone it was given in. */
  public ZonedDateTime start() {
    return startsAt.atZoneSameInstant(ZoneId.of(zone));
  }

  /** A short label for timelines and messages: "interview 3 on 2026-12-01 10:00 +01:00". */
  public String label() {
    return "interview " + id + " on " + InterviewTime.describe(start());
  }
}
