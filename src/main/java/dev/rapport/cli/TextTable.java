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

  TextTable(int maxWidth, String... headers) {
    this.headers = headers;
    this.maxWidth = maxWidth;
  }

  TextTable row(Object... cells) {
    String[] r = new String[headers.length];
    for (int i = 0; i < headers.length; i++) {
      Object cell = i < cells.length ? cells[i] : null;
      // Spelled out before the widths are counted, so a steering character in a name (shown as
      // <U+202E>, say) cannot push the columns out of line.
      r[i] = cell == null ? "" : cut(oneLine(TerminalText.shown(String.valueOf(cell))));
    }
    rows.add(r);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) widths[i] = headers[i].length();
    for (String[] r : rows)
      for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
    line(out, headers, widths);
    for (String[] r : rows) line(out, r, widths);
  }

  private static void line(PrintWriter out, String[] cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) sb.append("  ");
      sb.append(cells[i]);
      if (i < cells.length - 1) sb.append(" ".repeat(widths[i] - cells[i].length()));
    }
    out.println(sb.toString().stripTrailing());
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
