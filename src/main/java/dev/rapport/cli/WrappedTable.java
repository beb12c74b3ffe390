package dev.rapport.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for long text: every column but the last as wide as its widest cell, the last wrapped at
 * word boundaries to fit the width, continuation lines indented under it.
 */
final class WrappedTable {
  private final String[] headers;
  private final int width;
  private final String indent;
  private final List<String[]> rows = new ArrayList<>();

  WrappedTable(int width, String indent, String... headers) {
    this.width = width;
    this.indent = indent;
    this.headers = headers;
  }

  WrappedTable row(Object... cells) {
    String[] r = new String[headers.length];
    for (int i = 0; i < headers.length; i++) {
      Object cell = i < cells.length ? cells[i] : null;
      r[i] = cell == null ? "" : TextTable.oneLine(String.valueOf(cell)).strip();
    }
    rows.add(r);
    return this;
  }

  void print(PrintWriter out) {
    int last = headers.length - 1;
    int[] widths = new int[headers.length];
    for (int i = 0; i < last; i++) {
      widths[i] = headers[i].length();
      for (String[] r : rows) widths[i] = Math.max(widths[i], r[i].length());
    }
    int left = indent.length();
    for (int i = 0; i < last; i++) left += widths[i] + 2;
    int room = Math.max(20, width - left);
    print(out, headers, widths, List.of(headers[last]), left);
    for (String[] r : rows) print(out, r, widths, wrap(r[last], room), left);
  }

  private void print(PrintWriter out, String[] cells, int[] widths, List<String> lines, int left) {
    StringBuilder first = new StringBuilder(indent);
    for (int i = 0; i < cells.length - 1; i++) {
      first.append(cells[i]).append(" ".repeat(widths[i] - cells[i].length() + 2));
    }
    first.append(lines.isEmpty() ? "" : lines.get(0));
    out.println(first.toString().stripTrailing());
    for (int l = 1; l < lines.size(); l++) out.println(" ".repeat(left) + lines.get(l));
  }

  /** Words into lines of at most {@code room} characters; a longer word is cut. */
  static List<String> wrap(String text, int room) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (word.isEmpty()) continue;
      while (word.length() > room) {
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        lines.add(word.substring(0, room));
        word = word.substring(room);
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > room) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) line.append(' ');
      line.append(word);
    }
    if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
    return lines;
  }
}
