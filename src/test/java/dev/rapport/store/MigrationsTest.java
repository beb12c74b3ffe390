package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  @TempDir Path dir;

  @Test
  void latestIsTheNewestMigrationFile() throws Exception {
    String newest;
    try (Stream<Path> files = Files.list(migrationFolder())) {
      newest =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.matches("V[0-9._]+__.*\\.sql"))
              .map(n -> n.substring(1, n.indexOf("__")))
              .max(Migrations::compareVersions)
              .orElseThrow();
    }
    assertThat(Migrations.LATEST)
        .as("Migrations.LATEST after adding a migration")
        .isEqualTo(newest);
  }

  @Test
  void aNewDatabaseIsMigratedAndThenCurrent() {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    try (Database db = DatabaseOpener.open(folder)) {
      assertThat(Migrations.isCurrent(db)).isTrue();
      assertThat(count(db, "SELECT COUNT(*) FROM contact")).isZero();
    }
  }

  @Test
  void draftBodiesOfUpTo4KbStayInTheirRowsAfterReopening() {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    for (int open = 0; open < 2; open++) {
      try (Database db = DatabaseOpener.open(folder)) {
        String limit =
            db.read(
                c ->
                    Sql.one(
                            c,
                            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                + " WHERE SETTING_NAME = 'MAX_LENGTH_INPLACE_LOB'",
                            rs -> rs.getString(1))
                        .orElse(null));
        assertThat(limit)
            .as("H2's in-place LOB limit, opened %d times", open + 1)
            .isEqualTo("4096");
      }
    }
  }

  @Test
  void aDatabaseBehindThisBuildOrWithAFailedMigrationIsNotCurrent() {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    try (Database db = DatabaseOpener.open(folder)) {
      db.transaction(
          c ->
              Sql.update(
                  c,
                  "UPDATE \"flyway_schema_history\" SET \"version\" = '0.9' WHERE \"version\" = ?",
                  Migrations.LATEST));
      assertThat(Migrations.isCurrent(db)).isFalse();
      db.transaction(
          c ->
              Sql.update(
                  c,
                  "UPDATE \"flyway_schema_history\" SET \"version\" = ?, \"success\" = FALSE WHERE \"version\" = '0.9'",
                  Migrations.LATEST));
      assertThat(Migrations.isCurrent(db)).isFalse();
    }
  }

  @Test
  void commandsSkipFlywayWhenCurrentWhileTheDaemonValidates() {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    try (Database db = DatabaseOpener.open(folder)) {
      // An edited migration: only Flyway's validation notices.
      db.transaction(
          c ->
              Sql.update(
                  c,
                  "UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '1'"));
    }
    try (Database db = DatabaseOpener.open(folder)) {
      assertThat(db.description()).startsWith("embedded file");
    }
    assertThatThrownBy(() -> DatabaseOpener.openOwned(folder).close())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void aDatabaseWrittenByANewerRapportIsRefusedByCommandsAndTheDaemon() {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    String newer = String.valueOf(Long.parseLong(Migrations.LATEST.split("[._]")[0]) + 8);
    try (Database db = DatabaseOpener.open(folder)) {
      markMigrated(db, newer);
    }
    String refusal =
        "This data folder was written by a newer rapport (schema version "
            + newer
            + "; this rapport knows up to "
            + Migrations.LATEST
            + "). Use the newer version, or restore a backup made with this one.";
    assertThatThrownBy(() -> DatabaseOpener.open(folder).close())
        .isInstanceOf(NewerSchemaException.class)
        .hasMessage(refusal);
    assertThatThrownBy(() -> DatabaseOpener.openOwned(folder).close())
        .isInstanceOf(NewerSchemaException.class)
        .hasMessage(refusal);
  }

  /** Adds a row to the schema history as a newer rapport's Flyway would. */
  static void markMigrated(Database db, String version) {
    db.transaction(
        c ->
            Sql.update(
                c,
                "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                    + " \"installed_on\", \"execution_time\", \"success\") SELECT"
                    + " MAX(\"installed_rank\") + 1, ?, 'from the future', 'SQL', 'V' || ? ||"
                    + " '__from_the_future.sql', 1, 'rapport', CURRENT_TIMESTAMP, 1, TRUE FROM"
                    + " \"flyway_schema_history\"",
                version,
                version));
  }

  @Test
  void versionsCompareAsNumbersPartByPart() {
    assertThat(Migrations.compareVersions("10", "9")).isPositive();
    assertThat(Migrations.compareVersions("1.10", "1.9")).isPositive();
    assertThat(Migrations.compareVersions("2", "1.5")).isPositive();
    assertThat(Migrations.compareVersions("1", "1.0")).isZero();
    assertThat(Migrations.compareVersions("1_1", "1.2")).isNegative();
  }

  private static Path migrationFolder() throws URISyntaxException {
    return Path.of(Migrations.class.getClassLoader().getResource("db/migration").toURI());
  }

  private static long count(Database db, String sql) {
    return db.read(c -> Sql.count(c, sql));
  }
}
