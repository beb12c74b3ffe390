package dev.rapport.inbox.classify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the return date an auto-reply announces, so the scheduler can hold nudges until then.
 * Apple's {@code X-Apple-Criteria} endDate is used first; otherwise the subject and the start of
 * the text are searched for a date written shortly after a phrase such as "back on", "returning",
 * "until", "zurück am", "bis zum", "ab dem", "de retour le", "jusqu'au", "hasta el", "de vuelta
 * el", "terug op", "tot en met" or "tillbaka" (dates are read by {@link TextDates}). Only a date
 * from today up to {@value #WINDOW_DAYS} days ahead counts; anything else (last year's note, a
 * typo, a date ten months out) is ignored rather than trusted. An ambiguous numeric date (9/3) is
 * kept only when exactly one reading falls in the window.
 */
final class ReturnDates {
  /** How far ahead a return date may lie and still be believed. */
  static final int WINDOW_DAYS = 90;

  private static final int SEARCH_CHARS = 4000;
  private static final int AFTER_PHRASE_CHARS = 60;
  private static final Pattern APPLE_END = Pattern.compile("(?i)endDate=([0-9T:.+\\-Z]+)");
  private static final Pattern PHRASE =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(back|return(?:ing)?|until|till|through|thru|"
              + "zur(?:ü|ue)ck|wieder|bis(?: zum| einschlie(?:ß|ss)lich)?|ab(?: dem)?|"
              + "de retour|retour|jusqu(?:'|’)(?:au|à)|"
              + "hasta(?: el)?|de vuelta|regreso|regresar(?:é|e)|volver(?:é|e)|"
              + "terug|tot en met|t/m|tot|"
              + "tillbaka|till och med|t\\.o\\.m\\.)(?!\\p{L})");

  /** Words written after the date: "am 9. März zurück", "ik ben 9 maart terug". */
  private static final Pattern PHRASE_AFTER_DATE =
      Pattern.compile("(?iu)(?<!\\p{L})(zur(?:ü|ue)ck|wieder|terug|tillbaka|de retour)(?!\\p{L})");

  private static final int BEFORE_PHRASE_CHARS = 40;

  /** Between such a date and its word: a few words, no end of a sentence. */
  private static final Pattern GAP = Pattern.compile("(?u)\\.?[\\s\\p{L}]{0,25}");

  private ReturnDates() {}

  static Optional<ReturnDate> find(MessageView message, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    Optional<ReturnDate> apple =
        fromAppleCriteria(message.headers().first("X-Apple-Criteria").orElse(""), clock, today);
    if (apple.isPresent()) return apple;
    String text = message.subject() + "\n" + message.text();
    return fromText(text.length() > SEARCH_CHARS ? text.substring(0, SEARCH_CHARS) : text, today);
  }

  static Optional<ReturnDate> fromText(String text, LocalDate today) {
    Matcher phrase = PHRASE.matcher(text);
    while (phrase.find()) {
      int from = phrase.end();
      String after = text.substring(from, Math.min(text.length(), from + AFTER_PHRASE_CHARS));
      TextDates.Found found = TextDates.first(after, today);
      if (found == null) continue;
      LocalDate date = pick(found.readings(), today);
      if (date != null) {
        String words = text.substring(phrase.start(), from + found.end()).replaceAll("\\s+", " ");
        return Optional.of(new ReturnDate(date, words));
      }
    }
    return dateBeforePhrase(text, today);
  }

  /**
   * The German, Dutch, Swedish and French way round: "Ich bin am 9. März zurück", "am 16.3. wieder
   * im Büro", "Ik ben 9 maart terug": the last date in the few words before the phrase, with
   * nothing but words between them.
   */
  private static Optional<ReturnDate> dateBeforePhrase(String text, LocalDate today) {
    Matcher phrase = PHRASE_AFTER_DATE.matcher(text);
    while (phrase.find()) {
      int from = Math.max(0, phrase.start() - BEFORE_PHRASE_CHARS);
      while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) from--;
      String before = text.substring(from, phrase.start());
      TextDates.Found last = null;
      int offset = 0;
      while (offset < before.length()) {
        TextDates.Found f = TextDates.first(before.substring(offset), today);
        if (f == null || f.end() == 0) break;
        last = new TextDates.Found(offset + f.start(), offset + f.end(), f.readings());
        offset += f.end();
      }
      if (last == null || !GAP.matcher(before.substring(last.end())).matches()) continue;
      LocalDate date = pick(last.readings(), today);
      if (date != null) {
        String words = text.substring(from + last.start(), phrase.end()).replaceAll("\\s+", " ");
        return Optional.of(new ReturnDate(date, words));
      }
    }
    return Optional.empty();
  }

  private static Optional<ReturnDate> fromAppleCriteria(
      String criteria, Clock clock, LocalDate today) {
    Matcher m = APPLE_END.matcher(criteria);
    if (!m.find()) return Optional.empty();
    try {
      LocalDate end = Instant.parse(m.group(1)).atZone(clock.getZone()).toLocalDate();
      return inWindow(end, today)
          ? Optional.of(new ReturnDate(end, "X-Apple-Criteria endDate=" + m.group(1)))
          : Optional.empty();
    } catch (DateTimeParseException notAnInstant) {
      return Optional.empty();
    }
  }

  /** The one reading inside the window, or null when none or several are. */
  private static LocalDate pick(List<LocalDate> readings, LocalDate today) {
    LocalDate chosen = null;
    for (LocalDate d : readings) {
      if (!inWindow(d, today)) continue;
      if (chosen != null) return null;
      chosen = d;
    }
    return chosen;
  }

  static boolean inWindow(LocalDate date, LocalDate today) {
    return !date.isBefore(today) && !date.isAfter(today.plusDays(WINDOW_DAYS));
  }
}
