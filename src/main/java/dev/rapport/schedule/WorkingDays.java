package dev.rapport.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday to Friday: when someone back from leave reads their mail. */
final class WorkingDays {
  private WorkingDays() {}

  /** The first working day after {@code day}. */
  static LocalDate after(LocalDate day) {
    LocalDate d = day.plusDays(1);
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY)
      d = d.plusDays(1);
    return d;
  }
}
