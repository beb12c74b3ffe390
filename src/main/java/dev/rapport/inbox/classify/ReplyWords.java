package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A reply's own words: its text without the quoted history below (or above) it and without the
 * signature, at most {@link #MAX_LINES} lines. Recognises the quote headers of common mail programs
 * in English, German, French, Spanish and Dutch ("On … wrote:", "Am … schrieb …:", "Le … a écrit
 * :", "El … escribió:", "Op … schreef …:"), Outlook's "-----Original Message-----" and its
 * "From:/Von:/De:/Van:" header blocks, the underscore rule Outlook puts above them, lines quoted
 * with "&gt;", the signature separator "-- " (RFC 3676 section 4.3) and "Sent from my …" lines.
 * Never throws; blank lines are kept single and the text is trimmed.
 */
public final class ReplyWords {
  public static final int MAX_LINES = 20;
  public static final int MAX_CHARS = 4000;

  private ReplyWords() {}

  /** A line that begins the quoted history (the header a client writes above the quote). */
  private static final Pattern QUOTE_HEADER =
      Pattern.compile(
          "(?i)^(?:"
              + "on\\b.{0,300}\\bwrote:"
              + "|am\\b.{0,300}\\bschrieb\\b.{0,200}:"
              + "|le\\b.{0,300}\\ba [ée]crit\\s*:"
              + "|el\\b.{0,300}\\bescribi[óo]\\s*:"
              + "|op\\b.{0,300}\\bschreef\\b.{0,200}:"
              + "|-{2,}\\s*(?:original message|ursprüngliche nachricht|message d'origine"
              + "|mensaje original|oorspronkelijk bericht|forwarded message"
              + "|weitergeleitete nachricht)\\s*-{2,}"
              + "|_{10,}"
              + ")$");

  /** "On Mon, 7 Dec 2026 at 10:00, Ada Example <" — Gmail wraps long headers over two lines. */
  private static final Pattern QUOTE_HEADER_START =
      Pattern.compile("(?i)^(?:on|am|le|el|op)\\s.{0,300}$");

  private static final Pattern QUOTE_HEADER_END =
      Pattern.compile(
          "(?i)^.{0,300}(?:wrote|schrieb.{0,200}|a [ée]crit\\s?|escribi[óo]|schreef.{0,200}):\\s*$");

  /** Outlook's header block: "From:" (or its translation) followed soon by "Sent:"/"Date:". */
  private static final Pattern FROM_LINE =
      Pattern.compile("(?i)^\\*?(?:from|von|de|van)\\s*:\\*?\\s.*");

  private static final Pattern SENT_LINE =
      Pattern.compile(
          "(?i)^\\*?(?:sent|date|gesendet|datum|envoy[ée]|date|enviado|fecha|verzonden|datum|to|an|[àa]|para|aan)\\s*:\\*?.*");

  /** Phone clients' signatures ("Sent from my iPhone", "Von meinem iPhone gesendet" …). */
  private static final Pattern DEVICE_SIGNATURE =
      Pattern.compile(
          "(?i)^(?:sent from my\\b.*|get outlook for\\b.*|von meinem\\b.{0,60}gesendet\\.?"
              + "|envoy[ée] de mon\\b.*|enviado desde mi\\b.*|verzonden (?:vanaf|met) mijn\\b.*)$");

  /** The reply's own words from a message's text (LF line ends), empty when it says nothing. */
  public static String of(String text) {
    if (text == null || text.isBlank()) return "";
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = stripTrailing(lines[i]);
      String l = line.strip();
      if (line.equals("-- ") || line.equals("--")) break; // the signature separator
      if (l.startsWith(">")) {
        if (hasWords(kept)) break; // history quoted below the answer
        continue; // inline quotes before the answer starts
      }
      if (QUOTE_HEADER.matcher(l).matches()) break;
      if (QUOTE_HEADER_START.matcher(l).matches()
          && i + 1 < lines.length
          && QUOTE_HEADER_END.matcher(lines[i + 1].strip()).matches()
          && !l.endsWith(".")) break;
      if (FROM_LINE.matcher(l).matches() && outlookBlock(lines, i)) break;
      if (DEVICE_SIGNATURE.matcher(l).matches()) break;
      if (l.isEmpty() && (kept.isEmpty() || kept.get(kept.size() - 1).isEmpty())) continue;
      kept.add(line);
    }
    while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) kept.remove(kept.size() - 1);
    boolean cut = kept.size() > MAX_LINES;
    List<String> shown = cut ? kept.subList(0, MAX_LINES) : kept;
    String words = String.join("\n", shown);
    if (words.length() > MAX_CHARS) {
      words = words.substring(0, MAX_CHARS - 1);
      cut = true;
    }
    return cut ? words + "…" : words;
  }

  /** A From: line opens Outlook's header block when a Sent:/Date:/To: line follows closely. */
  private static boolean outlookBlock(String[] lines, int from) {
    for (int j = from + 1; j < Math.min(lines.length, from + 4); j++) {
      if (SENT_LINE.matcher(lines[j].strip()).matches()) return true;
    }
    return false;
  }

  private static boolean hasWords(List<String> kept) {
    return kept.stream().anyMatch(s -> !s.isBlank());
  }

  private static String stripTrailing(String s) {
    // keep "-- " intact for the signature test, strip other trailing blanks
    return s.equals("-- ") ? s : s.stripTrailing();
  }
}
