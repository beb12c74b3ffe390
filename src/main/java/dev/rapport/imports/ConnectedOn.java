package dev.rapport.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * The "Connected On" date of a connections export: "15 Mar 2023" in the export as downloaded,
 * "03/15/2023" once a US spreadsheet has saved it, "2023-03-15" from anything else.
 */
final class ConnectedOn {
  private static final List<DateTimeFormatter> FORMATS =
      List.of(
          strict("d MMM uuuu"),
          strict("d MMMM uuuu"),
          strict("M/d/uuuu"),
          DateTimeFormatter.ISO_LOCAL_DATE);

  private ConnectedOn() {}

  /** The date, or null for a blank cell; IllegalArgumentException saying what was expected. */
  static LocalDate parse(String text) {
    if (text == null || text.isBlank()) return null;
    String clean = text.strip();
    for (DateTimeFormatter f : FORMATS) {
      try {
        return LocalDate.parse(clean, f);
      } catch (DateTimeParseException e) {
        // the next format
      }
    }
    throw new IllegalArgumentException(
        "connected on: "
            + Excerpt.quoted(clean)
            + " is not a date (expected e.g. 15 Mar 2023 or 03/15/2023); the contact is kept without it");
  }

  private static DateTimeFormatter strict(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
