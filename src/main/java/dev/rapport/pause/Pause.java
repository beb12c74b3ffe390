package dev.rapport.pause;

import java.time.Duration;
import java.time.Instant;

/**
 * One pause: from {@code startedAt} until {@code resume} ({@code endedAt}) or the date given with
 * {@code --until} ({@code until}), whichever comes first.
 */
public record Pause(long id, Instant startedAt, Instant until, String note, Instant endedAt) {

  /** When it ended or will end by itself; null while it is open with no end date. */
  public Instant end() {
    if (endedAt != null && (until == null || endedAt.isBefore(until))) return endedAt;
    return until;
  }

  public boolean activeAt(Instant t) {
    Instant end = end();
    return !t.isBefore(startedAt) && (end == null || t.isBefore(end));
  }

  /** "paused since Mon 30 Nov until Mon 7 Dec: moving house", for people. */
  public String describe(java.time.ZoneId zone) {
    java.time.format.DateTimeFormatter day =
        java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH);
    return "paused since "
        + day.format(startedAt.atZone(zone))
        + (until == null ? "" : " until " + day.format(until.atZone(zone)))
        + (note == null ? "" : ": " + note);
  }

  /** How much of {@code [from, to)} this pause covers. */
  public Duration overlap(Instant from, Instant to) {
    Instant end = end();
    Instant a = startedAt.isAfter(from) ? startedAt : from;
    Instant b = end == null || end.isAfter(to) ? to : end;
    return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
  }
}
