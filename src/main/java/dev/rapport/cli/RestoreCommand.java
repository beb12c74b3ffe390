package dev.rapport.cli;

import dev.rapport.store.DataFolder;
import dev.rapport.store.Restore;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code restore FILE}: puts a backup in place of the database; the daemon must be stopped. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Replace the database with the backup in FILE (made by 'rapport backup').",
      "Stop the daemon first. The backup is checked before anything changes, and the database"
          + " you had is kept as rapport.mv.db.before-restore-<time> in the data folder."
    })
final class RestoreCommand extends AppCommand {
  @Parameters(paramLabel = "FILE", description = "The backup file to restore.")
  Path file;

  @Override
  public Integer call() {
    Restore.Result r = Restore.from(new DataFolder(root().dataPath()), file, root().clock());
    String made =
        r.created() == null
            ? ""
            : "made " + r.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", ";
    out()
        .println(
            "Restored "
                + file.toAbsolutePath().normalize()
                + " ("
                + made
                + "schema version "
                + r.summary().schemaVersion()
                + "): "
                + r.summary().counts()
                + ".");
    r.keptAside()
        .ifPresent(
            p ->
                out()
                    .println(
                        "The database you had is kept as "
                            + p
                            + "; delete it once you no longer need it."));
    return 0;
  }
}
