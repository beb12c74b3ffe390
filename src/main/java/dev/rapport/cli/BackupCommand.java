package dev.rapport.cli;

import dev.rapport.store.Backup;
import dev.rapport.store.DataFolder;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup FILE}: a consistent copy of the database, also while the daemon runs. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Write a consistent copy of the database to FILE, also while the daemon runs.",
      "FILE is a zip archive readable by you only; it holds the database password too, so keep"
          + " it as private as the data folder. Put it back with 'rapport restore FILE'."
    })
final class BackupCommand extends AppCommand {
  @Parameters(paramLabel = "FILE", description = "The backup file to write.")
  Path file;

  @Option(names = "--force", description = "Replace FILE if it exists.")
  boolean force;

  @Override
  public Integer call() {
    Backup.Result r = Backup.write(new DataFolder(root().dataPath()), file, force, root().clock());
    out()
        .println(
            "Backed up to "
                + r.file()
                + " ("
                + r.bytes()
                + " bytes): "
                + r.summary().counts()
                + ", schema version "
                + r.summary().schemaVersion()
                + ".");
    return 0;
  }
}
