package dev.rapport.template;

import java.io.IOException;
import java.io.Writer;

/**
 * Collects a rendering's text and stops it, by throwing, once it is longer than a draft can be or
 * once its thread was interrupted for taking too long: a runaway loop that writes stops at its next
 * write.
 */
final class CappedWriter extends Writer {
  private final StringBuilder text = new StringBuilder();
  private final int maxChars;

  CappedWriter(int maxChars) {
    this.maxChars = maxChars;
  }

  /** The writer threw because the text would have been longer than allowed. */
  static final class TooLong extends IOException {
    TooLong() {
      super("rendering wrote too much");
    }
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    check(len);
    text.append(buf, off, len);
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    check(len);
    text.append(s, off, off + len);
  }

  private void check(int len) throws IOException {
    if (Thread.currentThread().isInterrupted()) throw new java.io.InterruptedIOException();
    if ((long) text.length() + len > maxChars) throw new TooLong();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return text.toString();
  }
}
