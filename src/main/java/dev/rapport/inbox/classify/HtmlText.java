package dev.rapport.inbox.classify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rough plain-text rendering of an HTML part, good enough to search for status codes, phrases and
 * dates: scripts and styles dropped, block ends turned into line breaks, tags removed, the common
 * entities decoded. It is not a renderer.
 */
final class HtmlText {
  private static final Pattern INVISIBLE =
      Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>");
  private static final Pattern BREAK =
      Pattern.compile("(?i)<\\s*(br|/p|/div|/tr|/li|/h[1-6]|/table)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern NUMERIC = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");

  private HtmlText() {}

  static String toText(String html) {
    String text = INVISIBLE.matcher(html).replaceAll(" ");
    text = BREAK.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text =
        text.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&apos;", "'");
    Matcher m = NUMERIC.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      int code;
      try {
        code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
      } catch (NumberFormatException notANumber) {
        code = '?';
      }
      String ch = Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "?";
      m.appendReplacement(out, Matcher.quoteReplacement(ch));
    }
    m.appendTail(out);
    return out.toString().replace("&amp;", "&");
  }
}
