package dev.rapport.inbox.classify;

import jakarta.mail.internet.MimeUtility;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded-words ({@code =?charset?Q?...?=}) in a header value without ever
 * throwing: a word in an unknown charset is decoded as UTF-8 when its bytes are valid UTF-8 and as
 * windows-1252 otherwise, and a word that cannot be decoded at all is left as it is. Whitespace
 * between two adjacent encoded-words is dropped, as section 6.2 requires.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2047">RFC 2047</a>
 */
final class EncodedWords {
  private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
  private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)[ \\t\\r\\n]+(=\\?)");

  private EncodedWords() {}

  static String decode(String value) {
    if (value == null || value.indexOf("=?") < 0) return value;
    String joined = BETWEEN_WORDS.matcher(value).replaceAll("$1$2");
    Matcher m = WORD.matcher(joined);
    StringBuilder out = new StringBuilder(joined.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decodeWord(m)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decodeWord(Matcher m) {
    String word = m.group();
    try {
      return MimeUtility.decodeWord(word);
    } catch (Exception unknownCharsetOrBroken) {
      String encoding = m.group(2);
      String text = m.group(3);
      try {
        String asUtf8 = MimeUtility.decodeWord("=?UTF-8?" + encoding + "?" + text + "?=");
        if (asUtf8.indexOf('\uFFFD') < 0) return asUtf8;
        return MimeUtility.decodeWord("=?windows-1252?" + encoding + "?" + text + "?=");
      } catch (Exception stillBroken) {
        return word;
      }
    }
  }
}
