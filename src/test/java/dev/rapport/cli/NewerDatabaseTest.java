package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.Sql;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder a newer rapport wrote: every command refuses it in one sentence. */
class NewerDatabaseTest {
  @TempDir Path dir;

  @Test
  void commandsRefuseItWithAClearMessageAndNoStackTrace() {
    Path data = dir.resolve("data");
    try (Database db = DatabaseOpener.open(new DataFolder(data))) {
      db.transaction(
          c ->
              Sql.update(
                  c,
                  "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                      + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                      + " \"installed_on\", \"execution_time\", \"success\") SELECT"
                      + " MAX(\"installed_rank\") + 1, '999', 'from the future', 'SQL',"
                      + " 'V999__future.sql', 1, 'rapport', CURRENT_TIMESTAMP, 1, TRUE FROM"
                      + " \"flyway_schema_history\""));
    }
    var list = new CliRunner(data).run("contacts", "list");
    assertThat(list.exitCode()).as(list.toString()).isEqualTo(Cli.FAILED);
    assertThat(list.err())
        .startsWith("This data folder was written by a newer rapport (schema version 999;")
        .contains("Use the newer version, or restore a backup made with this one.")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");

    var doctor = new CliRunner(data).run("doctor");
    assertThat(doctor.exitCode()).isEqualTo(Cli.FAILED);
    assertThat(doctor.out()).contains("FAIL").contains("written by a newer rapport");
  }
}
