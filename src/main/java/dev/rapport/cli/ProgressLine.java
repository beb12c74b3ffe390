package dev.rapport.cli;

import dev.rapport.imports.ImportProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line on a terminal's stderr, redrawn in place as a long import goes: "Importing 2,400/5,000
 * [#####.....]". Only for terminals: redirected output never sees it.
 */
final class ProgressLine implements ImportProgress {
  // Short imports finish before a bar could be read.
  static final int MIN_ROWS = 500;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private int shownSteps = -1;
  private int lastWidth;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void advanced(int done, int total) {
    if (total < MIN_ROWS) return;
    int steps = (int) ((long) done * WIDTH / total);
    if (steps == shownSteps && done != total) return;
    shownSteps = steps;
    String line = render(done, total, WIDTH);
    err.print("\r" + line);
    err.flush();
    lastWidth = line.length();
  }

  @Override
  public void finished() {
    if (lastWidth == 0) return;
    err.print("\r" + " ".repeat(lastWidth) + "\r");
    err.flush();
    lastWidth = 0;
  }

  static String render(int done, int total, int width) {
    int filled = total == 0 ? width : (int) ((long) done * width / total);
    return String.format(
        Locale.ROOT,
        "Importing %,d/%,d [%s%s]",
        done,
        total,
        "#".repeat(filled),
        ".".repeat(width - filled));
  }
}
