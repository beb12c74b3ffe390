package dev.rapport.cli;

import dev.rapport.terminal.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain table for terminals: columns as wide as their widest cell, long cells cut with an
 * ellipsis.
 */
final class TextTable {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private final String[] headers;
  private final int maxWidth;
  private final List<String[]> rows = new ArrayList<>();
  private final int[] widths;

  TextTable(int maxWidth, String... headers) {
    this.headers = headers;
    this.maxWidth = maxWidth;
    this.widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) widths[i] = headers[i].length();
  }

  TextTable row(Object... cells) {
    String[] r = new String[headers.length];
    for (int i = 0; i < headers.length; i++) {
      Object cell = i < cells.length ? cells[i] : null;
      // Spelled out before the widths are counted, so a steering character in a name (shown as
      // <U+202E>, say) cannot push the columns out of line.
      r[i] = cell == null ? "" : cut(oneLine(TerminalText.shown(String.valueOf(cell))));
      widths[i] = Math.max(widths[i], r[i].length());
    }
    rows.add(r);
    return this;
  }

  /**
   * Prints the table in one write: a line at a time, 5,000 contacts went through the writers'
   * layers (and the charset encoder) 5,000 times, a quarter of {@code contacts list}'s own time.
   */
  void print(PrintWriter out) {
    int width = 2 * headers.length;
    for (int w : widths) width += w;
    StringBuilder text = new StringBuilder((rows.size() + 1) * (width + 2));
    line(text, headers);
    for (String[] r : rows) line(text, r);
    out.print(text);
  }

  /** One line: cells padded to their column's width, and no white space at its end. */
  private void line(StringBuilder text, String[] cells) {
    int start = text.length();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) text.append("  ");
      text.append(cells[i]);
      if (i < cells.length - 1) text.append(" ".repeat(widths[i] - cells[i].length()));
    }
    int end = text.length();
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
    text.setLength(end);
    text.append(System.lineSeparator());
  }

  /**
   * Runs of white space as one space. The regular expression only runs when there is something to
   * replace: {@code contacts list} has tens of thousands of cells.
   */
  static String oneLine(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean more = i + 1 < s.length() && Character.isWhitespace(s.charAt(i + 1));
      if (Character.isWhitespace(c) && (c != ' ' || more))
        return WHITESPACE.matcher(s).replaceAll(" ");
    }
    return s;
  }

  private String cut(String s) {
    return s.length() <= maxWidth ? s : s.substring(0, maxWidth - 1) + "…";
  }
}
