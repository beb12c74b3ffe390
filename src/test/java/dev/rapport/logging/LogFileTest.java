package dev.rapport.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's log file, in a logging context of its own so the tests' logging is untouched. */
class LogFileTest {
  @TempDir Path dir;

  @Test
  void theLogIsCreatedReadableByItsOwnerOnly() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path log = dir.resolve("rapport.log");
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // what a fresh context lacks
    context.start();
    FileAppender<ILoggingEvent> appender = LogConfigurator.fileAppender(context, log);
    try {
      context.getLogger("test").addAppender(appender);
      context.getLogger("test").warn("a line");
      assertThat(Files.readString(log)).contains("a line");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
          .isEqualTo("rw-------");
    } finally {
      context.stop();
    }
  }
}
