package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upgrades are safe from every earlier schema: for each migration version, a database made up to
 * that version and filled with rows valid then ({@code src/test/resources/upgrade/V<n>.sql}, one
 * file per version that has something to add; a version without one is migrated through without
 * seeding) is opened the way a command opens it, and everything it held is still there.
 */
class MigrationUpgradeTest {
  /** What the user wrote, which no migration may change or lose. */
  private static final List<String> USERS_WORDS =
      List.of(
          "SELECT name || ' <' || email || '>' FROM contact ORDER BY id",
          "SELECT subject || ' | ' || body FROM draft ORDER BY id",
          "SELECT text FROM hypothesis ORDER BY id",
          "SELECT text FROM interview_answer ORDER BY id",
          "SELECT text FROM interview_note ORDER BY id",
          "SELECT note FROM pause ORDER BY id");

  @TempDir Path dir;

  static Stream<String> versions() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(migrationFolder())) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V[0-9._]+__.*\\.sql"))
          .map(n -> n.substring(1, n.indexOf("__")))
          .sorted(Migrations::compareVersions)
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "from schema version {0}")
  @MethodSource("versions")
  void rowsMadeAtAnEarlierVersionSurviveTheUpgrade(String from) throws Exception {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    folder.create();
    Map<String, Long> before;
    Map<String, List<String>> wordsBefore;
    try (Database db = madeAt(folder, from)) {
      before = rowCounts(db);
      wordsBefore = words(db);
    }
    assertThat(before.get("CONTACT")).as("the seed made contacts").isPositive();

    try (Database db = DatabaseOpener.open(folder)) {
      assertThat(Migrations.isCurrent(db)).isTrue();
      assertThat(Migrations.history(db).highest()).isEqualTo(Migrations.LATEST);
      Map<String, Long> after = rowCounts(db);
      for (var table : before.entrySet()) {
        if (after.containsKey(table.getKey()))
          assertThat(after.get(table.getKey()))
              .as("rows of %s after upgrading from version %s", table.getKey(), from)
              .isEqualTo(table.getValue());
      }
      assertThat(words(db)).containsAllEntriesOf(wordsBefore);
    }
  }

  /**
   * V17 fills the link columns from the sentences earlier versions wrote (upgrade/V16.sql): a stage
   * move's stages, the interview an event belongs to, the referral a nudge asks about.
   */
  @org.junit.jupiter.api.Test
  void linksWrittenAsSentencesUpToVersion16AreFilledIntoColumns() throws Exception {
    DataFolder folder = new DataFolder(dir.resolve("data"));
    folder.create();
    madeAt(folder, "16").close();
    try (Database db = DatabaseOpener.open(folder)) {
      assertThat(
              strings(
                  db,
                  "SELECT detail || ' = ' || COALESCE(from_stage, '-') || ' > ' ||"
                      + " COALESCE(to_stage, '-') FROM event WHERE type = 'STAGE' ORDER BY id"))
          .containsExactly(
              "NEW → CONTACTED = NEW > CONTACTED",
              "CONTACTED → REPLIED (HUMAN_REPLY): reply from grace@example.org = CONTACTED > REPLIED",
              "REPLIED → INTERVIEWED (INTERVIEW_DONE): Interview 1 held = REPLIED > INTERVIEWED",
              "NEW → SOMEWHERE by hand: a stage this build does not know = - > -",
              "Moved by hand = - > -");
      assertThat(
              strings(
                  db,
                  "SELECT type || ' ' || contact_id || ': ' || COALESCE(CAST(interview_id AS VARCHAR), '-')"
                      + " FROM event WHERE type <> 'STAGE' ORDER BY id"))
          .containsExactly(
              "CREATED 1: -",
              "IMPORTED 2: -",
              "INTERVIEW_INVITATION 1: 1",
              "INTERVIEW_DONE 1: 1",
              "REFERRAL 2: 1",
              "REFERRAL 1: 1",
              "REFERRAL 1: -");
      assertThat(
              strings(
                  db,
                  "SELECT d.id || ' about ' || COALESCE(r.contact_id || ' in interview ' || r.interview_id, '-')"
                      + " FROM draft d LEFT JOIN referral r ON r.id = d.referral_id ORDER BY d.id"))
          .containsExactly(
              "1 about -", "2 about -", "3 about -", "4 about -", "5 about 2 in interview 1");
    }
  }

  /** A database made up to version {@code from}, seeded at each version on the way. */
  private static Database madeAt(DataFolder folder, String from) throws Exception {
    Database db =
        new Database(
            JdbcConnectionPool.create(
                DatabaseOpener.fileUrl(folder, false), DatabaseOpener.USER, folder.secret()),
            "made at version " + from);
    for (String v : versions().filter(v -> Migrations.compareVersions(v, from) <= 0).toList()) {
      migrateTo(db, v);
      seed(db, v);
    }
    assertThat(Migrations.history(db).highest()).isEqualTo(from);
    return db;
  }

  private static List<String> strings(Database db, String sql) {
    return db.read(c -> Sql.list(c, sql, rs -> rs.getString(1)));
  }

  private static void migrateTo(Database db, String version) {
    Flyway.configure()
        .dataSource(db.dataSource())
        .locations("classpath:db/migration")
        .target(version)
        .loggers("slf4j")
        .load()
        .migrate();
  }

  /**
   * Runs {@code upgrade/V<version>.sql} if there is one: statements ending with ';' at a line end.
   */
  private static void seed(Database db, String version) throws IOException {
    String text;
    try (InputStream in =
        MigrationUpgradeTest.class.getResourceAsStream("/upgrade/V" + version + ".sql")) {
      if (in == null) return;
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    db.transaction(
        c -> {
          try (Statement st = c.createStatement()) {
            for (String sql : text.split(";\\s*\\n")) {
              if (!sql.strip().replaceAll("(?m)^--.*$", "").isBlank()) st.execute(sql);
            }
            return null;
          } catch (SQLException e) {
            throw new IllegalStateException("upgrade/V" + version + ".sql: " + e.getMessage(), e);
          }
        });
  }

  private static Map<String, Long> rowCounts(Database db) {
    return db.read(
        c -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          try (Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                st.executeQuery(
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                        + " AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> 'flyway_schema_history'"
                        + " ORDER BY TABLE_NAME")) {
              while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables)
              counts.put(t, Sql.count(c, "SELECT COUNT(*) FROM \"" + t + "\""));
            return counts;
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Each query of {@link #USERS_WORDS} whose table exists, with what it returns. */
  private static Map<String, List<String>> words(Database db) {
    return db.read(
        c -> {
          Map<String, List<String>> out = new LinkedHashMap<>();
          for (String sql : USERS_WORDS) {
            try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
              List<String> rows = new ArrayList<>();
              while (rs.next()) rows.add(rs.getString(1));
              out.put(sql, rows);
            } catch (SQLException e) {
              if (e.getErrorCode() != ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1)
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
          }
          return out;
        });
  }

  private static Path migrationFolder() throws URISyntaxException {
    return Path.of(Migrations.class.getClassLoader().getResource("db/migration").toURI());
  }
}
