package dev.rapport.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/**
 * {@code rapport backup FILE}: a transactionally consistent copy of the database, taken with H2's
 * {@code BACKUP TO} through whatever connection this process has (the running daemon's server, or
 * the file itself), packed with its password into a {@link BackupArchive}, checked by opening it as
 * {@code restore} would, and only then put in place at {@code FILE}.
 */
public final class Backup {
  private Backup() {}

  /** What was written: the file, its size in bytes, and what the database in it holds. */
  public record Result(Path file, long bytes, BackupSummary summary) {}

  public static Result write(DataFolder folder, Path target, boolean force, Clock clock) {
    Path file = target.toAbsolutePath().normalize();
    refuseBadTarget(file, force);
    boolean daemonRuns = folder.announcement().filter(a -> a.processAlive()).isPresent();
    if (!daemonRuns && !folder.databaseExists())
      throw new BackupException(
          "There is no rapport database in " + folder.path() + " yet, so nothing to back up.");
    try (Scratch scratch = Scratch.in(file.getParent(), ".rapport-backup-")) {
      Path h2Backup = scratch.resolve("h2-backup.zip");
      String secret;
      try (Database db = DatabaseOpener.open(folder)) {
        secret = folder.secret();
        backupTo(db, h2Backup);
      }
      Path archive = scratch.resolve("backup.zip");
      BackupArchive.write(h2Backup, secret, clock.instant(), archive);
      BackupSummary summary = check(archive, scratch);
      moveIntoPlace(archive, file, force);
      return new Result(file, Files.size(file), summary);
    } catch (IOException e) {
      throw new BackupException("Cannot write the backup " + file + ": " + e.getMessage(), e);
    }
  }

  private static void refuseBadTarget(Path file, boolean force) {
    if (Files.isDirectory(file))
      throw new BackupException(
          file
              + " is a folder; give the name of the backup file to write, e.g. "
              + file.resolve("rapport-backup.zip")
              + ".");
    Path parent = file.getParent();
    if (parent == null || !Files.isDirectory(parent))
      throw new BackupException("The folder " + parent + " does not exist; create it first.");
    if (Files.exists(file) && !force)
      throw new BackupException(
          file + " exists already; choose another name, or add --force to replace it.");
  }

  /** H2's own backup: consistent, because MVStore copies one committed version of every page. */
  private static void backupTo(Database db, Path h2Backup) {
    db.read(
        c -> {
          try (Statement st = c.createStatement()) {
            st.execute("BACKUP TO '" + h2Backup.toString().replace("'", "''") + "'");
            return null;
          } catch (SQLException e) {
            throw new BackupException("The database could not be copied: " + e.getMessage(), e);
          }
        });
  }

  /** Opens the archive just written exactly as {@code restore} will, and reads its counts. */
  private static BackupSummary check(Path archive, Scratch scratch) throws IOException {
    Path checkDir = Files.createDirectory(scratch.resolve("check"));
    BackupArchive.Extracted extracted = BackupArchive.extract(archive, checkDir);
    try (StagedDatabase staged =
        StagedDatabase.open(extracted.database(), extracted.secret(), "the new backup")) {
      return staged.summary();
    }
  }

  private static void moveIntoPlace(Path archive, Path file, boolean force) throws IOException {
    if (!force && Files.exists(file))
      throw new BackupException(
          file + " appeared while the backup was written; it was left alone. Choose another name.");
    try {
      Files.move(
          archive, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(archive, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
