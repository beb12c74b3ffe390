package dev.rapport.inbox.classify;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the first calendar date written at the start of a short piece of text, in the forms
 * out-of-office notes use in English, German, French, Spanish, Dutch and Swedish: {@code
 * 2026-03-09}, {@code 09.03.2026} and {@code 9.3.} (day first), {@code March 9}, {@code Monday,
 * March 9th, 2026}, {@code 9 March}, {@code 9. März}, {@code 9 de marzo de 2026}, {@code 9/3/2026}
 * and {@code 3/9}.
 *
 * <p>A date without a year takes its next occurrence on or after today. Slashed and dashed numeric
 * dates are ambiguous (9/3 is 9 March in Europe, 3 September in the US): both readings are
 * returned, and {@link ReturnDates} keeps one only when exactly one falls inside its window.
 */
final class TextDates {
  /** One date found: where it starts and ends in the text, and its possible readings. */
  record Found(int start, int end, List<LocalDate> readings) {}

  private static final Map<String, Integer> MONTHS = months();
  private static final String MONTH =
      MONTHS.keySet().stream()
          .sorted(Comparator.comparingInt(String::length).reversed())
          .map(Pattern::quote)
          .reduce((a, b) -> a + "|" + b)
          .orElseThrow();
  private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th|er|e|\\.|º|°)?";
  private static final String YEAR = "(\\d{4}|'?\\d{2}(?!\\d))";
  private static final Pattern ISO =
      Pattern.compile("(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
  private static final Pattern DOTTED =
      Pattern.compile("(?<![\\d.])(\\d{1,2})\\.\\s?(\\d{1,2})\\.(?:\\s?(\\d{4}|\\d{2})(?!\\d))?");
  private static final Pattern SLASHED =
      Pattern.compile("(?<![\\d/])(\\d{1,2})([/-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?(?![\\d/])");
  private static final Pattern MONTH_FIRST =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(" + MONTH + ")\\.?\\s+" + DAY + "(?!\\d)(?:,?\\s+" + YEAR + ")?");
  private static final Pattern DAY_FIRST =
      Pattern.compile(
          "(?iu)(?<![\\d.])"
              + DAY
              + "\\s*(?:de\\s+)?("
              + MONTH
              + ")(?!\\p{L})\\.?(?:,?\\s+(?:de\\s+)?"
              + YEAR
              + ")?");

  private TextDates() {}

  /** The earliest date written in the text, or null. */
  static Found first(String text, LocalDate today) {
    String t = text;
    List<Found> found = new ArrayList<>();
    add(found, ISO, t, m -> List.of(date(m.group(1), m.group(2), m.group(3), today)));
    add(found, DOTTED, t, m -> List.of(date(m.group(3), m.group(2), m.group(1), today)));
    add(
        found,
        SLASHED,
        t,
        m -> {
          List<LocalDate> readings = new ArrayList<>();
          readings.add(date(m.group(4), m.group(3), m.group(1), today)); // day/month
          readings.add(date(m.group(4), m.group(1), m.group(3), today)); // month/day
          return readings;
        });
    add(
        found,
        MONTH_FIRST,
        t,
        m -> List.of(date(m.group(3), month(m.group(1)), m.group(2), today)));
    add(found, DAY_FIRST, t, m -> List.of(date(m.group(3), month(m.group(2)), m.group(1), today)));
    return found.stream().min(Comparator.comparingInt(Found::start)).orElse(null);
  }

  private interface Reader {
    List<LocalDate> read(Matcher m);
  }

  private static void add(List<Found> found, Pattern pattern, String text, Reader reader) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      List<LocalDate> readings = new ArrayList<>();
      for (LocalDate d : reader.read(m)) if (d != null && !readings.contains(d)) readings.add(d);
      if (!readings.isEmpty()) {
        found.add(new Found(m.start(), m.end(), readings));
        return;
      }
    }
  }

  /** A date from year, month and day; a missing year means the next occurrence from today. */
  private static LocalDate date(String year, Object month, String day, LocalDate today) {
    try {
      int mo = month instanceof Integer i ? i : Integer.parseInt((String) month);
      int d = Integer.parseInt(day);
      if (year == null) {
        LocalDate candidate = LocalDate.of(today.getYear(), mo, d);
        return candidate.isBefore(today) ? LocalDate.of(today.getYear() + 1, mo, d) : candidate;
      }
      int y = Integer.parseInt(year.replace("'", ""));
      if (y < 100) y += 2000;
      return LocalDate.of(y, mo, d);
    } catch (DateTimeException | NumberFormatException | NullPointerException notADate) {
      return null;
    }
  }

  private static Integer month(String name) {
    return MONTHS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
  }

  private static Map<String, Integer> months() {
    String[][] names = {
      {"january", "jan", "januar", "jänner", "janner", "janvier", "janv", "enero", "januari"},
      {"february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "februari"},
      {"march", "mar", "märz", "marz", "maerz", "mär", "mars", "marzo", "maart"},
      {"april", "apr", "avril", "avr", "abril"},
      {"may", "mai", "mayo", "mei", "maj"},
      {"june", "jun", "juni", "juin", "junio"},
      {"july", "jul", "juli", "juillet", "juil", "julio"},
      {"august", "aug", "août", "aout", "agosto", "augustus", "augusti"},
      {"september", "sep", "sept", "septembre", "septiembre", "setiembre"},
      {"october", "oct", "oktober", "okt", "octobre", "octubre"},
      {"november", "nov", "novembre", "noviembre"},
      {"december", "dec", "dezember", "dez", "décembre", "decembre", "diciembre"},
    };
    Map<String, Integer> months = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) for (String n : names[i]) months.put(n, i + 1);
    return Map.copyOf(months);
  }
}
