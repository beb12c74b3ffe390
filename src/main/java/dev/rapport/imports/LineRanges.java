package dev.rapport.imports;

import java.util.ArrayList;
import java.util.List;

/** Line numbers written compactly, runs as ranges: "5-9, 12, 15-300", cut with "…" when long. */
final class LineRanges {
  private LineRanges() {}

  /** {@code lines} ascending; at most {@code maxParts} ranges or single lines are shown. */
  static String of(List<Integer> lines, int maxParts) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      int from = lines.get(i);
      int to = from;
      while (i + 1 < lines.size() && lines.get(i + 1) == to + 1) to = lines.get(++i);
      i++;
      parts.add(from == to ? String.valueOf(from) : from + "-" + to);
    }
    if (parts.size() <= maxParts) return String.join(", ", parts);
    return String.join(", ", parts.subList(0, maxParts)) + ", …";
  }
}
