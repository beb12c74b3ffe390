package dev.rapport.cli;

import dev.rapport.terminal.TerminalText;
import java.io.PrintWriter;

/**
 * The CLI's stdout and stderr: everything printed through it passes {@link TerminalText#shown}, so
 * no command can forget to. Line separators written by {@code println} go through unchanged.
 */
final class TerminalWriter extends PrintWriter {
  private final PrintWriter unfiltered;

  TerminalWriter(PrintWriter out) {
    super(out, false);
    this.unfiltered = out;
  }

  /**
   * The stream underneath, for the one thing allowed to move the cursor: the progress line, which
   * prints only its own text.
   */
  static PrintWriter unfiltered(PrintWriter out) {
    return out instanceof TerminalWriter t ? t.unfiltered : out;
  }

  @Override
  public void write(int c) {
    write(String.valueOf((char) c), 0, 1);
  }

  @Override
  public void write(char[] buf, int off, int len) {
    write(new String(buf, off, len), 0, len);
  }

  @Override
  public void write(String s, int off, int len) {
    String part = off == 0 && len == s.length() ? s : s.substring(off, off + len);
    String shown = TerminalText.shown(part);
    super.write(shown, 0, shown.length());
  }
}
