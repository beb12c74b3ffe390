package dev.rapport.imports;

import java.util.Arrays;

/**
 * Where each physical line of a text starts, so a character position (a CSV record's start, say)
 * can be reported as the line number the user sees in an editor. CR LF, LF and a lone CR each end a
 * line, as they do for the CSV parser.
 */
final class LineIndex {
  private final int[] starts;
  private final int length;

  LineIndex(String text) {
    int[] found = new int[64];
    int count = 0;
    found[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineEnds =
          c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
      if (lineEnds && i + 1 < text.length()) {
        if (count == found.length) found = Arrays.copyOf(found, count * 2);
        found[count++] = i + 1;
      }
    }
    this.starts = Arrays.copyOf(found, count);
    this.length = text.length();
  }

  /** The 1-based line holding the character at {@code position}. */
  int lineOf(long position) {
    int at = Arrays.binarySearch(starts, (int) Math.min(position, length));
    return at >= 0 ? at + 1 : -at - 1;
  }

  /** The number of lines (a final line break does not start another). */
  int count() {
    return starts.length;
  }

  /** Where line {@code line} (1-based) starts. */
  int start(int line) {
    return starts[line - 1];
  }

  /** The text of line {@code line} without its line break. */
  String line(String text, int line) {
    int from = start(line);
    int to = line < starts.length ? starts[line] : length;
    while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) to--;
    return text.substring(from, to);
  }
}
