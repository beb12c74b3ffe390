package dev.rapport.outbox;

import dev.rapport.config.Config;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When mail may go out: inside the daily window, on allowed days, up to the day's cap, in the
 * user's time zone. {@link #unlimited} is the sandbox's: nothing leaves the machine there, so
 * nothing is held back.
 */
final class SendWindow {
  private final int maxPerDay;
  private final LocalTime start;
  private final LocalTime end;
  private final boolean weekdaysOnly;
  private final ZoneId zone;

  SendWindow(int maxPerDay, LocalTime start, LocalTime end, boolean weekdaysOnly, ZoneId zone) {
    this.maxPerDay = maxPerDay;
    this.start = start;
    this.end = end;
    this.weekdaysOnly = weekdaysOnly;
    this.zone = zone;
  }

  static SendWindow of(Config.Pacing p) {
    return new SendWindow(
        p.maxPerDay(), p.windowStart(), p.windowEnd(), p.weekdaysOnly(), p.timezone());
  }

  static SendWindow unlimited(ZoneId zone) {
    return new SendWindow(Integer.MAX_VALUE, LocalTime.MIN, LocalTime.MAX, false, zone);
  }

  /**
   * The first moment from {@code now} at which one more message may go, given {@code sentToday}.
   */
  Instant nextAllowed(Instant now, long sentToday) {
    ZonedDateTime t = now.atZone(zone);
    LocalDate day = t.toLocalDate();
    LocalTime time = t.toLocalTime();
    if (allowedDay(day) && sentToday < maxPerDay) {
      if (!time.isBefore(start) && time.isBefore(end)) return now;
      if (time.isBefore(start)) return day.atTime(start).atZone(zone).toInstant();
    }
    LocalDate next = day.plusDays(1);
    while (!allowedDay(next)) next = next.plusDays(1);
    return next.atTime(start).atZone(zone).toInstant();
  }

  /**
   * The day's cap spread evenly over the window: the gap kept between sends while a backlog goes
   * out after a pause. Zero in the sandbox.
   */
  Duration spacing() {
    if (maxPerDay == Integer.MAX_VALUE) return Duration.ZERO;
    Duration open = Duration.between(start, end);
    return open.isNegative() || open.isZero() ? Duration.ZERO : open.dividedBy(maxPerDay);
  }

  /** How many more may go today after {@code sentToday}. */
  long leftToday(long sentToday) {
    return Math.max(0, (long) maxPerDay - sentToday);
  }

  /** The start of the user's day holding {@code now}: sends since then count against the cap. */
  Instant dayStart(Instant now) {
    return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
  }

  ZoneId zone() {
    return zone;
  }

  private boolean allowedDay(LocalDate day) {
    return !weekdaysOnly
        || (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
  }
}
