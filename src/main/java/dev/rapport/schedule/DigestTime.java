package dev.rapport.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The digest's moment on each day, in the user's zone, computed with java.time: on the day clocks
 * spring forward a time in the gap moves forward by the gap's length, and on the day they fall back
 * a time that occurs twice is taken the first time. So every day has exactly one digest moment:
 * none skipped, none doubled.
 */
final class DigestTime {
  private final LocalTime at;
  private final ZoneId zone;

  DigestTime(LocalTime at, ZoneId zone) {
    this.at = at;
    this.zone = zone;
  }

  /** The user's calendar day holding {@code now}. */
  LocalDate day(Instant now) {
    return now.atZone(zone).toLocalDate();
  }

  /** The digest's moment on {@code day}. */
  Instant on(LocalDate day) {
    return ZonedDateTime.of(day, at, zone).toInstant();
  }
}
