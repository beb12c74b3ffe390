package dev.rapport.terminal;

/**
 * Text from mail, imported files and YAML shown on a terminal without letting it steer the
 * terminal. Stored text is kept as received; only what the CLI prints is changed: every character
 * that a terminal would act on instead of showing is printed as {@code <U+XXXX>} (ESC becomes
 * {@code <U+001B>}, a right-to-left override {@code <U+202E>}), so an inbound subject cannot
 * retitle or clear the screen, and a name cannot reverse the text after it.
 *
 * <p>Neutralised: C0 controls except tab and newline (a carriage return only as part of CR LF),
 * DEL, C1 controls (U+0080–U+009F, 0x9B is a one-byte CSI), the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), zero-width and direction marks (U+200B–U+200F, U+2060,
 * U+FEFF), and the line and paragraph separators U+2028 and U+2029.
 *
 * <p>Used where text leaves for a terminal: the CLI's stdout and stderr ({@code
 * cli/TerminalWriter}, {@code cli/Json}) and the log lines ({@code logging/LineLayout}).
 */
public final class TerminalText {
  private TerminalText() {}

  /** Whether a terminal would act on the character rather than show it. */
  public static boolean steers(char c) {
    if (c < 0x20) return c != '\n' && c != '\t';
    if (c < 0x7F) return false;
    if (c <= 0x9F) return true; // DEL and C1
    return (c >= 0x200B && c <= 0x200F)
        || (c >= 0x2028 && c <= 0x202E)
        || (c >= 0x2060 && c <= 0x2069 && c != 0x2065)
        || c == 0xFEFF;
  }

  /** The text as the terminal should see it: steering characters spelled out. */
  public static String shown(CharSequence text) {
    StringBuilder b = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean escape = steers(c) && !(c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n');
      if (escape && b == null) b = new StringBuilder(n + 16).append(text, 0, i);
      if (b == null) continue;
      if (escape) b.append(String.format("<U+%04X>", (int) c));
      else b.append(c);
    }
    return b == null ? text.toString() : b.toString();
  }
}
