package dev.rapport.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;
import dev.rapport.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
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

  @Test
  void theLogRollsBySizeKeepingFourOldFilesAllReadableByTheOwnerOnly() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path log = dir.resolve("rapport.log");
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.start();
    FileAppender<ILoggingEvent> appender =
        LogConfigurator.fileAppender(context, log, 1024, Duration.ofMillis(1));
    try {
      context.getLogger("test").addAppender(appender);
      String line = "x".repeat(200);
      int[] written = {0};
      // The size is looked at once a millisecond here: write until the oldest slot is used.
      Await.until(
          Duration.ofSeconds(30),
          "rapport.log.4 to appear",
          () -> {
            context.getLogger("test").warn("{} {}", written[0]++, line);
            return Files.exists(dir.resolve("rapport.log.4"));
          });
      for (int i = 0; i < 200; i++) context.getLogger("test").warn("{} {}", written[0]++, line);
      assertThat(dir.resolve("rapport.log.5")).doesNotExist();
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder(
                "rapport.log", "rapport.log.1", "rapport.log.2", "rapport.log.3", "rapport.log.4");
      }
      for (String name : List.of("rapport.log", "rapport.log.1", "rapport.log.4"))
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
            .as(name)
            .isEqualTo("rw-------");
      assertThat(Files.readString(log)).contains((written[0] - 1) + " " + line);
    } finally {
      context.stop();
    }
  }
}
