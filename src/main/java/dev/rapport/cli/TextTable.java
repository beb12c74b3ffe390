package dev.rapport.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain table for terminals: columns as wide as their widest cell, long cells cut with an ellipsis. */
final class TextTable {
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
      r[i] = cell == null ? "" : cut(String.valueOf(cell).replaceAll("\\s+", " "));
    }
    rows.add(r);
    return this;
  }

  void print(PrintWriter out) {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) widths[i] = headers[i].length();
    for (String[] r : rows) for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
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

  private String cut(String s) {
    return s.length() <= maxWidth ? s : s.substring(0, maxWidth - 1) + "…";
  }
}
