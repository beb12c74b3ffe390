package dev.rapport.interview;

import dev.rapport.InvalidInputException;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Interview times as the user types them: ISO-8601 with an offset or a zone, as in {@code
 * 2026-12-01T10:00+01:00} or {@code 2026-12-01T10:00[Europe/Berlin]}. A time without either is
 * refused: rapport will not guess whose ten o'clock it is.
 */
public final class InterviewTime {
  private static final DateTimeFormatter INPUT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .optionalStart()
          .appendLiteral('[')
          .parseCaseSensitive()
          .appendZoneRegionId()
          .appendLiteral(']')
          .optionalEnd()
          // A builder's formatter resolves SMART, which would take 2026-02-30 as 28 February.
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(IsoChronology.INSTANCE);
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

  private InterviewTime() {}

  public static ZonedDateTime parse(String text) {
    String t = text == null ? "" : text.strip();
    TemporalAccessor parsed;
    try {
      parsed = INPUT.parse(t);
    } catch (DateTimeParseException e) {
      String bad = impossible(t);
      if (bad != null) throw new InvalidInputException("--at: \"" + t + "\": " + bad);
      throw new InvalidInputException(
          "--at: \""
              + t
              + "\" is not a date and time; write it as 2026-12-01T10:00+01:00 or"
              + " 2026-12-01T10:00[Europe/Berlin].");
    }
    if (parsed.query(TemporalQueries.zone()) == null) {
      throw new InvalidInputException(
          "--at: \""
              + t
              + "\" has no time zone; add an offset or a zone, as in "
              + t
              + "+01:00 or "
              + t
              + "[Europe/Berlin].");
    }
    return ZonedDateTime.from(parsed);
  }

  private static final java.util.regex.Pattern PARTS =
      java.util.regex.Pattern.compile(
          "^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2}))?.*");

  /** Which part of a well-formed date and time does not exist ("2026-02-30", "25:00"), or null. */
  private static String impossible(String t) {
    java.util.regex.Matcher m = PARTS.matcher(t);
    if (!m.matches()) return null;
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    String date = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
    if (month < 1 || month > 12) return "there is no month " + m.group(2) + " in " + date + ".";
    int days = java.time.YearMonth.of(year, month).lengthOfMonth();
    if (day < 1 || day > days)
      return "there is no day "
          + date
          + " ("
          + java.time.Month.of(month)
              .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
          + " "
          + year
          + " has "
          + days
          + " days).";
    String time = m.group(4) + ":" + m.group(5);
    if (hour > 23 || minute > 59) return "there is no time of day " + time + " (00:00 to 23:59).";
    return null;
  }

  /** The zone to keep: the region when one was given, otherwise the offset. */
  public static String zoneOf(ZonedDateTime t) {
    return t.getZone().getId();
  }

  static String describe(ZonedDateTime t) {
    return SHOWN.format(t);
  }
}
