package dev.rapport.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * {@code rapport restore FILE}: puts a backup in place of the database. It refuses while the daemon
 * runs. The backup is checked and brought up to this build's schema in a scratch folder first; the
 * current database is kept aside ({@code rapport.mv.db.before-restore-<time>}, a hard link where
 * the file system allows) and the checked copy is renamed over it in one step, so {@code
 * rapport.mv.db} is at every moment either the old database or the whole restored one.
 */
public final class Restore {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Restore() {}

  /**
   * What the database now holds, when the backup was made (null if unknown), and where the database
   * it replaced was kept.
   */
  public record Result(BackupSummary summary, Instant created, Optional<Path> keptAside) {}

  public static Result from(DataFolder folder, Path backup, Clock clock) {
    Path file = backup.toAbsolutePath().normalize();
    refuseWhileTheDaemonRuns(folder);
    if (!Files.exists(file)) throw new BackupException(file + " does not exist.");
    folder.create();
    Optional<Path> aside;
    Instant created;
    try (Scratch scratch = Scratch.in(folder.path(), ".restore-")) {
      BackupArchive.Extracted extracted = BackupArchive.extract(file, scratch.dir());
      created = extracted.created();
      String secret = folder.existingSecret().orElse(extracted.secret());
      prepare(extracted, file, secret);
      aside = swap(folder, extracted.database(), secret, clock);
    } catch (IOException e) {
      throw new BackupException("Cannot restore " + file + ": " + e.getMessage(), e);
    }
    try (Database db = DatabaseOpener.open(folder)) {
      return new Result(StagedDatabase.summaryOf(db), created, aside);
    }
  }

  private static void refuseWhileTheDaemonRuns(DataFolder folder) {
    folder
        .announcement()
        .filter(DataFolder.Announcement::processAlive)
        .ifPresent(
            a -> {
              throw new BackupException(
                  "The rapport daemon (process "
                      + a.pid()
                      + ") is running on "
                      + folder.path()
                      + "; stop it first, then run restore again. Nothing was changed.");
            });
  }

  /**
   * Checks the extracted database and makes it ready for this folder: the schema this build knows,
   * and {@code secret}: the folder's own password, so an existing {@code db.secret} never has to
   * change with it.
   */
  private static void prepare(BackupArchive.Extracted extracted, Path file, String secret) {
    String name = file.toString();
    try (StagedDatabase staged =
        StagedDatabase.open(extracted.database(), extracted.secret(), name)) {
      staged.requireKnownSchema(staged.summary());
      staged.migrate();
      staged.changePassword(secret); // last: the pool's new connections use the old password
    }
  }

  /**
   * Keeps the current database aside and renames the restored one over it, while holding the file
   * lock H2 itself takes on {@code rapport.mv.db}: no other rapport process has it open meanwhile.
   */
  private static Optional<Path> swap(DataFolder folder, Path restored, String secret, Clock clock)
      throws IOException {
    Path current = folder.databaseFile();
    if (!Files.exists(current)) {
      folder.keepSecret(secret);
      move(restored, current);
      folder.protectDatabaseFile();
      return Optional.empty();
    }
    try (FileChannel ch =
            FileChannel.open(current, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = tryLock(ch, folder)) {
      Path aside = asideName(current, clock);
      try {
        Files.createLink(aside, current);
      } catch (UnsupportedOperationException | FileSystemException e) {
        Files.copy(current, aside, StandardCopyOption.COPY_ATTRIBUTES);
      }
      folder.keepSecret(secret);
      move(restored, current);
      folder.protectDatabaseFile();
      return Optional.of(aside);
    }
  }

  private static FileLock tryLock(FileChannel ch, DataFolder folder) throws IOException {
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null)
      throw new BackupException(
          "The database in "
              + folder.path()
              + " is open in another rapport process; wait for it to finish (or stop the daemon),"
              + " then run restore again. Nothing was changed.");
    return lock;
  }

  private static Path asideName(Path current, Clock clock) {
    String base = current.getFileName() + ".before-restore-" + STAMP.format(clock.instant());
    Path aside = current.resolveSibling(base);
    for (int n = 2; Files.exists(aside); n++) aside = current.resolveSibling(base + "-" + n);
    return aside;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
