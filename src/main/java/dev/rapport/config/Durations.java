package dev.rapport.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the short durations of the config file: {@code 90s}, {@code 15m}, {@code 48h}, {@code 7d},
 * {@code 2w}.
 */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*([smhdw])");

  private Durations() {}

  /**
   * Returns the duration, or throws IllegalArgumentException with a sentence saying what is
   * expected.
   */
  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected a duration such as 90s, 15m, 48h, 7d or 2w, but found \"" + text + "\"");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "w" -> Duration.ofDays(7 * n);
      default -> throw new IllegalStateException("unreachable");
    };
  }

  /** The longest duration the config accepts: ten years. */
  static final Duration LONGEST = Duration.ofDays(3650);

  /**
   * A duration longer than zero and at most {@link #LONGEST}, or IllegalArgumentException: a poll
   * every 0 s or a nudge after 0 d would run rapport (and the mail server) in circles.
   */
  public static Duration positive(String text) {
    Duration d = parse(text);
    if (d.isZero()) {
      throw new IllegalArgumentException(
          "expected a duration longer than 0, such as 90s, 15m, 48h, 7d or 2w, but found \""
              + text
              + "\"");
    }
    if (d.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "expected a duration of at most 3650d (ten years), but found \"" + text + "\"");
    }
    return d;
  }

  /**
   * The shortest exact form in days at most, so that config in effect prints as people write it:
   * {@code 7d} and {@code 14d} (the example config's own forms), {@code 48h}, a trial's {@code 4m}.
   */
  public static String format(Duration d) {
    long s = d.getSeconds();
    if (s % 86400 == 0 && s > 0) return s / 86400 + "d";
    if (s % 3600 == 0 && s > 0) return s / 3600 + "h";
    if (s % 60 == 0 && s > 0) return s / 60 + "m";
    return s + "s";
  }

  /** In words for sentences: "7 days", "1 day", "48 hours", "4 minutes", "90 seconds". */
  public static String words(Duration d) {
    long s = d.getSeconds();
    if (s % 86400 == 0 && s > 0) return plural(s / 86400, "day");
    if (s % 3600 == 0 && s > 0) return plural(s / 3600, "hour");
    if (s % 60 == 0 && s > 0) return plural(s / 60, "minute");
    return plural(s, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
