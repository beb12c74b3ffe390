package dev.rapport.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;
import dev.rapport.store.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Logging, set up in code (found by logback as a service) rather than from logback.xml, whose XML
 * parsing costs every command about 100 ms at start. Commands: warnings and errors on stderr only;
 * users see sentences, not logs. The daemon adds {@code rapport.log} in its data folder at INFO
 * ({@link #toFile}). {@code -v} turns on DEBUG ({@link #verbose}). A file named by {@code
 * -Dlogback.configurationFile} still replaces all of this.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  static final String STDERR = "STDERR";
  static final String FILE = "FILE";

  /** The log is rolled when it passes this size ... */
  static final long ROLL_AT_BYTES = 10L * 1024 * 1024;

  /** ... into rapport.log.1 (the newest) to rapport.log.4: five files at most. */
  static final int OLD_LOGS_KEPT = 4;

  /**
   * GreenMail's loggers that turn its protocol trace on when they are at DEBUG, and the one that
   * writes it.
   */
  static final List<String> PROTOCOL_TRACE =
      List.of(
          "com.icegreen.greenmail.util.LineLoggingBuffer",
          "com.icegreen.greenmail.smtp.SmtpConnection",
          "com.icegreen.greenmail.imap.ImapHandler",
          "com.icegreen.greenmail.pop3.Pop3Connection");

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null)
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setName(STDERR);
    stderr.setTarget("System.err");
    start(context, stderr, "HH:mm:ss.SSS");
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    // Even with -v: GreenMail's user manager logs the password, at INFO, of a user it creates
    // at login (only when authentication is off, which the sandbox never turns off).
    context.getLogger("com.icegreen.greenmail.user").setLevel(Level.WARN);
    // Even with -v: Jetty's and Javalin's DEBUG lines quote whole requests, the dashboard's
    // token in its login address and session cookies included.
    context.getLogger("org.eclipse.jetty").setLevel(Level.INFO);
    context.getLogger("io.javalin").setLevel(Level.INFO);
    // Even with -v: GreenMail's protocol trace (one DEBUG line per line on the wire) shows every
    // IMAP LOGIN password in clear and every SMTP AUTH in base64, and the mail itself.
    for (String trace : PROTOCOL_TRACE) context.getLogger(trace).setLevel(Level.INFO);
    // The sandbox server's own parsing notes (a DSN subtype it does not know) are not the user's
    // business.
    context.getLogger("com.icegreen.greenmail.store").setLevel(Level.ERROR);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Everything from DEBUG up, for {@code -v}. */
  public static void verbose() {
    root().setLevel(Level.DEBUG);
  }

  /**
   * For the daemon: INFO and up (DEBUG with {@code -v}) also go to {@code file}; stderr keeps
   * warnings only. The file rolls over at 10 MB while the daemon runs, keeping four old ones.
   */
  public static void toFile(Path file) {
    Logger root = root();
    if (root.getLoggerContext().getObject(LogConfigurator.class.getName()) != null)
      return; // already
    FileAppender<ILoggingEvent> appender = fileAppender(root.getLoggerContext(), file);
    Appender<ILoggingEvent> stderr = root.getAppender(STDERR);
    if (stderr != null) stderr.addFilter(new WarningsOnly());
    if (!root.isDebugEnabled()) root.setLevel(Level.INFO);
    root.addAppender(appender);
    root.getLoggerContext().putObject(LogConfigurator.class.getName(), file);
  }

  /**
   * The started appender of {@code file}, rolled by size into {@code file.1} ... {@code file.4};
   * every file it opens exists 0600 before logback writes to it.
   */
  static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path file) {
    return fileAppender(context, file, ROLL_AT_BYTES, java.time.Duration.ofSeconds(1));
  }

  /**
   * As above, rolling at {@code rollAt} bytes, the size looked at once every {@code checkEvery}.
   */
  static FileAppender<ILoggingEvent> fileAppender(
      LoggerContext context, Path file, long rollAt, java.time.Duration checkEvery) {
    PrivateRollingFileAppender appender = new PrivateRollingFileAppender();
    appender.setContext(context);
    appender.setName(FILE);
    appender.setFile(file.toString());
    appender.setAppend(true);
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(file + ".%i");
    rolling.setMinIndex(1);
    rolling.setMaxIndex(OLD_LOGS_KEPT);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(new FileSize(rollAt));
    // logback's default looks once a minute
    trigger.setCheckIncrement(
        ch.qos.logback.core.util.Duration.buildByMilliseconds(checkEvery.toMillis()));
    trigger.start();
    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    start(context, appender, "yyyy-MM-dd HH:mm:ss.SSS");
    return appender;
  }

  /** Flushes and closes the appenders; the daemon's last step before the process ends. */
  public static void stop() {
    root().getLoggerContext().stop();
  }

  private static void start(
      LoggerContext context,
      ch.qos.logback.core.OutputStreamAppender<ILoggingEvent> appender,
      String timePattern) {
    LineLayout layout = new LineLayout(timePattern);
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.start();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /**
   * Creates each file it opens (at start and after every roll-over) 0600 first: logback would use
   * the default mode, and the log is the user's business only.
   */
  private static final class PrivateRollingFileAppender extends RollingFileAppender<ILoggingEvent> {
    @Override
    public void openFile(String fileName) throws IOException {
      try {
        PrivateFiles.file(Path.of(fileName));
      } catch (IOException e) {
        // logback reports a file it cannot open
      }
      super.openFile(fileName);
    }
  }

  /** Lets WARN and ERROR through. */
  private static final class WarningsOnly extends Filter<ILoggingEvent> {
    WarningsOnly() {
      start();
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
      return event.getLevel().isGreaterOrEqual(Level.WARN) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
  }
}
