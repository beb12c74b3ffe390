package dev.rapport.cli;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a pause reads for people. */
final class PauseViews {
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private PauseViews() {}

  /** "3 days", "5 hours", "20 minutes". */
  static String duration(Duration d) {
    if (d.toDays() >= 1) return plural(d.toDays(), "day");
    if (d.toHours() >= 1) return plural(d.toHours(), "hour");
    return plural(Math.max(1, d.toMinutes()), "minute");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
