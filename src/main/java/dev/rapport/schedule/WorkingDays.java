package dev.rapport.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Monday to Friday: when someone back from leave reads their mail, and business days count. */
public final class WorkingDays {
  private WorkingDays() {}

  /** The first working day after {@code day}. */
  static LocalDate after(LocalDate day) {
    LocalDate d = day.plusDays(1);
    while (isWeekend(d)) d = d.plusDays(1);
    return d;
  }

  /**
   * {@code days} business days after {@code from}, at the same time of day in {@code zone}:
   * Saturdays and Sundays are not counted, so 3 business days after a Thursday is the Tuesday.
   */
  public static Instant plus(Instant from, int days, ZoneId zone) {
    ZonedDateTime t = from.atZone(zone);
    LocalDate d = t.toLocalDate();
    for (int i = 0; i < days; i++) d = after(d);
    return t.with(d).toInstant();
  }

  private static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
