package dev.rapport.setup;

import dev.rapport.RapportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Writes the config file whole or not at all (a temporary file moved into place), keeping a file
 * that was there as {@code rapport.yaml.backup-<time>}.
 */
public final class SetupWriter {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private SetupWriter() {}

  /** Writes {@code yaml} to {@code target}; returns where the previous file was kept, if any. */
  public static Optional<Path> write(Path target, String yaml, Clock clock) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Optional<Path> backup = Optional.empty();
      if (Files.exists(target)) {
        String stamp = STAMP.format(LocalDateTime.now(clock));
        Path b = target.resolveSibling(target.getFileName() + ".backup-" + stamp);
        for (int i = 2; Files.exists(b); i++)
          b = target.resolveSibling(target.getFileName() + ".backup-" + stamp + "-" + i);
        Files.copy(target, b, StandardCopyOption.COPY_ATTRIBUTES);
        backup = Optional.of(b);
      }
      Path tmp = Files.createTempFile(dir, ".rapport-setup", ".yaml");
      try {
        Files.writeString(tmp, yaml);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return backup;
    } catch (IOException e) {
      throw new RapportException(
          "Step 'write the config' failed: cannot write "
              + target
              + " ("
              + e.getMessage()
              + "). Check that the folder is yours and writable, or use --print and save the"
              + " text yourself.",
          e);
    }
  }
}
