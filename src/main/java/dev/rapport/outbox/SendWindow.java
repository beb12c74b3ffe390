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
 * When mail may go out: inside the daily window, on allowed days, up to the day's cap. The window
 * and the allowed days are in the recipient's time zone when the contact has one, else in the
 * user's; the cap is always counted per day in the user's zone. {@link #unlimited} is the
 * sandbox's: nothing leaves the machine there, so nothing is held back.
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
   * The first moment from {@code now} at which one more message may go to a contact in the user's
   * zone, given {@code sentToday}.
   */
  Instant nextAllowed(Instant now, long sentToday) {
    return nextAllowed(now, sentToday, null);
  }

  /**
   * The first moment from {@code now} at which one more message may go to a contact in {@code
   * recipient} (null: the user's zone), given {@code sentToday} in the user's day: over the cap,
   * not before the user's next day begins; then the first moment inside the window on an allowed
   * day in the recipient's zone.
   */
  Instant nextAllowed(Instant now, long sentToday, ZoneId recipient) {
    Instant from = sentToday < maxPerDay ? now : nextDayStart(now);
    return openFrom(from, recipient == null ? zone : recipient);
  }

  /** The first moment from {@code t} inside the window on an allowed day in {@code in}. */
  private Instant openFrom(Instant t, ZoneId in) {
    ZonedDateTime local = t.atZone(in);
    LocalDate day = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (allowedDay(day)) {
      if (!time.isBefore(start) && time.isBefore(end)) return t;
      if (time.isBefore(start)) return day.atTime(start).atZone(in).toInstant();
    }
    LocalDate next = day.plusDays(1);
    while (!allowedDay(next)) next = next.plusDays(1);
    return next.atTime(start).atZone(in).toInstant();
  }

  /** The start of the user's day after the one holding {@code now}. */
  private Instant nextDayStart(Instant now) {
    return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
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
