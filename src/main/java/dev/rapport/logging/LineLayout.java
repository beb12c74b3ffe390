package dev.rapport.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import dev.rapport.terminal.TerminalText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One line per event — {@code 2026-05-04 09:30:00.123 INFO DatabaseServer - message} — and the
 * stack trace if any, with whatever would steer a terminal spelled out (a subject or an address
 * from mail can reach a log line). Written by hand because logback's pattern parser alone loads a
 * few hundred classes, which every command would pay for at start.
 */
final class LineLayout extends LayoutBase<ILoggingEvent> {
  private final DateTimeFormatter time;

  LineLayout(String timePattern) {
    this.time = DateTimeFormatter.ofPattern(timePattern).withZone(ZoneId.systemDefault());
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line =
        new StringBuilder(128)
            .append(time.format(Instant.ofEpochMilli(event.getTimeStamp())))
            .append(' ')
            .append(padded(event.getLevel().toString()))
            .append(shortName(event.getLoggerName()))
            .append(" - ")
            .append(TerminalText.shown(event.getFormattedMessage()))
            .append(CoreConstants.LINE_SEPARATOR);
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null)
      line.append(TerminalText.shown(ThrowableProxyUtil.asString(thrown)))
          .append(CoreConstants.LINE_SEPARATOR);
    return line.toString();
  }

  private static String padded(String level) {
    return level.length() >= 5 ? level + " " : level + " ".repeat(6 - level.length());
  }

  /** {@code dev.rapport.store.DatabaseServer} → {@code DatabaseServer}. */
  static String shortName(String logger) {
    int dot = logger.lastIndexOf('.');
    return dot < 0 ? logger : logger.substring(dot + 1);
  }
}
