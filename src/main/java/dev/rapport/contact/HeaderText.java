package dev.rapport.contact;

/**
 * Text that may end up in a mail header (a name, a company, a subject). CR, LF and every other
 * control character are refused, since a header built from them could smuggle in headers or
 * recipients of its own.
 */
public final class HeaderText {
  private HeaderText() {}

  /**
   * Returns the text trimmed, or throws IllegalArgumentException naming the offending character.
   */
  public static String require(String text) {
    if (text == null) return null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        throw new IllegalArgumentException(
            "contains a control character ("
                + describe(c)
                + " at position "
                + (i + 1)
                + "); line breaks and control characters are not allowed here");
      }
    }
    return text.strip();
  }

  /** True when the text could be used in a header as it is. */
  public static boolean isSafe(String text) {
    try {
      require(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String describe(char c) {
    return switch (c) {
      case '\r' -> "CR";
      case '\n' -> "LF";
      case '\t' -> "TAB";
      default -> String.format("U+%04X", (int) c);
    };
  }
}
