package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds delivery status codes in free text: enhanced status codes {@code class.subject.detail} (RFC
 * 3463, e.g. {@code 5.1.1}) and SMTP reply codes (RFC 5321 section 4.2, e.g. {@code 550}) where
 * they stand as codes, not inside IP addresses, most versions or dates. The subject digit of an
 * enhanced code is 0 to 7, the classes RFC 3463 defines.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3463">RFC 3463</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5321#section-4.2">RFC 5321, 4.2</a>
 */
final class StatusCodes {
  private static final Pattern ENHANCED =
      Pattern.compile("(?<![\\d.])([245])\\.([0-7])\\.(\\d{1,3})(?!\\d|\\.\\d)");

  /**
   * A reply code where MTAs write one: at the start of a line, after "&lt;&lt;&lt;", "said:",
   * "reason:", "error:", "]:", "smtp;", "code:" or "#", and followed by a space, a hyphen, a comma
   * or the line end.
   */
  private static final Pattern REPLY =
      Pattern.compile(
          "(?im)(?:^[ \\t>]*|<<<[ \\t]*|said:[ \\t]*|reason:[ \\t]*|error:[ \\t]*|\\]:[ \\t]*|smtp;[ \\t]*|code[ \\t]*:?[ \\t]*|#|\\()"
              + "([45][0-5]\\d)(?=[ \\t,;)]|-|$)");

  private static final int MAX_CODES = 50;

  private StatusCodes() {}

  /** Enhanced status codes with class 2, 4 or 5, each once, in order. */
  static List<String> enhanced(String text) {
    Set<String> codes = new LinkedHashSet<>();
    Matcher m = ENHANCED.matcher(text);
    while (m.find() && codes.size() < MAX_CODES) codes.add(m.group());
    return new ArrayList<>(codes);
  }

  /** SMTP reply codes of class 4 or 5, each once, in order. */
  static List<String> reply(String text) {
    Set<String> codes = new LinkedHashSet<>();
    Matcher m = REPLY.matcher(text);
    while (m.find() && codes.size() < MAX_CODES) codes.add(m.group(1));
    return new ArrayList<>(codes);
  }

  /** Enhanced codes then reply codes, each once. */
  static List<String> all(String text) {
    Set<String> codes = new LinkedHashSet<>(enhanced(text));
    codes.addAll(reply(text));
    return new ArrayList<>(codes);
  }

  static boolean anyOfClass(List<String> codes, char cls) {
    for (String c : codes) if (!c.isEmpty() && c.charAt(0) == cls) return true;
    return false;
  }
}
