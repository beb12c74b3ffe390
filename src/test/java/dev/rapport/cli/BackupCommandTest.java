package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} and {@code restore} without a daemon: the real H2 file, in this JVM. With the
 * daemon running: {@code daemon/BackupRestoreIT}.
 */
class BackupCommandTest {
  @TempDir Path dir;
  Path data;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    data = dir.resolve("data");
    cli = new CliRunner(data);
  }

  @Test
  void restorePutsBackTheDataAsItWasAtBackupTime() throws IOException {
    add("Ada", "ada@example.org");
    add("Grace", "grace@example.org");
    Path file = dir.resolve("rapport-backup.zip");

    var backup = cli.run("backup", file.toString());
    assertThat(backup.exitCode()).as(backup.toString()).isZero();
    assertThat(backup.out().strip())
        .startsWith("Backed up to " + file + " (" + Files.size(file) + " bytes): 2 contacts,")
        .endsWith(", schema version 18.");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(BackupFiles.entries(file))
        .containsOnlyKeys("rapport-backup.properties", "rapport.mv.db", "db.secret");
    assertThat(siblings(file))
        .as("no scratch left")
        .containsExactly("data", file.getFileName().toString());

    add("Later", "later@example.org");
    ok("contacts", "stage", "1", "DECLINED");
    String secret = Files.readString(data.resolve("db.secret"));

    var restore = cli.run("restore", file.toString());
    assertThat(restore.exitCode()).as(restore.toString()).isZero();
    assertThat(restore.out())
        .startsWith("Restored " + file + " (made 20")
        .contains("Z, schema version 18): 2 contacts,")
        .contains(
            "The database you had is kept as "
                + data.toAbsolutePath()
                + "/rapport.mv.db.before-restore-");
    assertThat(emails()).containsExactlyInAnyOrder("ada@example.org", "grace@example.org");
    assertThat(ok("contacts", "show", "1")).doesNotContain("DECLINED");
    assertThat(Files.readString(data.resolve("db.secret"))).isEqualTo(secret);
    assertThat(backup.out() + restore.out()).doesNotContain(secret.strip());
    try (Stream<Path> files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the scratch folder is gone")
          .noneMatch(n -> n.startsWith(".restore-"));
    }
  }

  @Test
  void theDatabaseKeptAsideStillOpens() throws IOException {
    add("Ada", "ada@example.org");
    Path file = dir.resolve("b.zip");
    ok("backup", file.toString());
    add("Later", "later@example.org");
    ok("restore", file.toString());

    Path aside;
    try (Stream<Path> files = Files.list(data)) {
      aside =
          files
              .filter(p -> p.getFileName().toString().startsWith("rapport.mv.db.before-restore-"))
              .findFirst()
              .orElseThrow();
    }
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    Files.copy(aside, other.resolve("rapport.mv.db"));
    Files.copy(data.resolve("db.secret"), other.resolve("db.secret"));
    assertThat(new CliRunner(other).run("contacts", "list", "--json").out())
        .contains("later@example.org");
  }

  @Test
  void restoreIntoAnotherFolderKeepsThatFoldersPassword() throws IOException {
    add("Ada", "ada@example.org");
    Path file = dir.resolve("b.zip");
    ok("backup", file.toString());

    CliRunner elsewhere = new CliRunner(dir.resolve("elsewhere"));
    elsewhere.run("contacts", "add", "--name", "Own", "--email", "own@example.org");
    String itsSecret = Files.readString(dir.resolve("elsewhere/db.secret"));
    var r = elsewhere.run("restore", file.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.readString(dir.resolve("elsewhere/db.secret"))).isEqualTo(itsSecret);
    assertThat(elsewhere.run("contacts", "list").out()).contains("ada@example.org");
  }

  @Test
  void restoreIntoAnEmptyFolderTakesTheBackupsPassword() throws IOException {
    add("Ada", "ada@example.org");
    Path file = dir.resolve("b.zip");
    ok("backup", file.toString());

    CliRunner fresh = new CliRunner(dir.resolve("fresh"));
    var r = fresh.run("restore", file.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).doesNotContain("kept as");
    assertThat(fresh.run("contacts", "list").out()).contains("ada@example.org");
  }

  @Test
  void forceReplacesAnExistingFile() throws IOException {
    add("Ada", "ada@example.org");
    Path file = dir.resolve("b.zip");
    Files.writeString(file, "old");
    var r = cli.run("backup", "--force", file.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(BackupFiles.entries(file)).containsKey("rapport.mv.db");
  }

  /** Bad input: exit 1, one plain sentence or two on stderr, nothing changed. */
  @Nested
  class Refused {
    Path file;

    @BeforeEach
    void aDatabaseAndABackup() throws IOException {
      add("Ada", "ada@example.org");
      file = dir.resolve("good.zip");
      ok("backup", file.toString());
      add("Since", "since@example.org");
    }

    @Test
    void backupOverAnExistingFileWithoutForce() throws IOException {
      Path existing = Files.writeString(dir.resolve("existing.zip"), "mine");
      refusedBackup(
          existing,
          existing + " exists already; choose another name, or add --force to replace it.");
      assertThat(Files.readString(existing)).isEqualTo("mine");
    }

    @Test
    void backupToAFolder() throws IOException {
      Path folder = Files.createDirectory(dir.resolve("folder"));
      refusedBackup(
          folder,
          folder
              + " is a folder; give the name of the backup file to write, e.g. "
              + folder
              + "/rapport-backup.zip.");
    }

    @Test
    void backupIntoAFolderThatDoesNotExist() throws IOException {
      Path nowhere = dir.resolve("nowhere/b.zip");
      refusedBackup(
          nowhere, "The folder " + dir.resolve("nowhere") + " does not exist; create it first.");
    }

    @Test
    void backupOfAFolderWithoutADatabase() {
      var r = new CliRunner(dir.resolve("empty")).run("backup", dir.resolve("e.zip").toString());
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err().strip())
          .isEqualTo(
              "There is no rapport database in "
                  + dir.resolve("empty")
                  + " yet, so nothing to back up.");
      assertThat(dir.resolve("e.zip")).doesNotExist();
    }

    @Test
    void restoreOfAMissingFile() throws IOException {
      Path missing = dir.resolve("missing.zip");
      refusedRestore(missing, missing + " does not exist.");
    }

    @Test
    void restoreOfAFolder() throws IOException {
      Path folder = Files.createDirectory(dir.resolve("folder"));
      refusedRestore(folder, folder + " is a folder, not a rapport backup file.");
    }

    @Test
    void restoreOfATextFile() throws IOException {
      Path text = Files.writeString(dir.resolve("notes.txt"), "call Ada on Monday\n");
      refusedRestore(text, text + " is not a rapport backup: it is not a zip archive.");
    }

    @Test
    void restoreOfATruncatedBackup() throws IOException {
      byte[] whole = Files.readAllBytes(file);
      Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(whole, whole.length / 2));
      refusedRestore(
          cut, cut + " is damaged (cut short or altered): it is not a complete zip archive.");
    }

    @Test
    void restoreOfAnEmptyFile() throws IOException {
      Path empty = Files.createFile(dir.resolve("empty.zip"));
      refusedRestore(empty, empty + " is not a rapport backup: it is not a zip archive.");
    }

    @Test
    void restoreOfAnotherZipArchive() throws IOException {
      Path other = dir.resolve("photos.zip");
      BackupFiles.writeZip(other, Map.of("cat.jpg", new byte[] {1, 2, 3}));
      refusedRestore(
          other,
          other
              + " is a zip archive but not a rapport backup: it lacks rapport-backup.properties.");
    }

    @Test
    void restoreOfABackupWhoseDatabaseIsDamaged() throws IOException {
      Path bad =
          BackupFiles.withEntry(
              file,
              dir.resolve("bad.zip"),
              "rapport.mv.db",
              b -> "not a database".repeat(500).getBytes(StandardCharsets.US_ASCII));
      refusedRestore(bad, bad + " is damaged: the database in it cannot be opened.");
    }

    @Test
    void restoreOfABackupWithAnotherPassword() throws IOException {
      Path bad =
          BackupFiles.withEntry(
              file,
              dir.resolve("bad.zip"),
              "db.secret",
              b ->
                  "00112233445566778899aabbccddeeff0011223344556677\n"
                      .getBytes(StandardCharsets.US_ASCII));
      refusedRestore(
          bad, bad + " is damaged: its database does not open with the password stored with it.");
    }

    @Test
    void restoreOfABackupFromANewerRapport() throws Exception {
      Path future = BackupFiles.fromTheFuture(file, dir.resolve("future.zip"), dir.resolve("work"));
      refusedRestore(
          future,
          future
              + " was made by a newer rapport (schema version 999; this one knows up to 18). Restore it with that version or a newer one.");
    }

    @Test
    void restoreWhileAnotherCommandHasTheDatabaseOpen() throws Exception {
      String secret = Files.readString(data.resolve("db.secret")).strip();
      var before = BackupFiles.snapshot(data);
      try (Connection held =
          DriverManager.getConnection(
              "jdbc:h2:file:" + data.resolve("rapport"), "rapport", secret)) {
        var r = cli.run("restore", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err().strip())
            .isEqualTo(
                "The database in "
                    + data.toAbsolutePath()
                    + " is open in another rapport process; wait for it to finish (or stop the"
                    + " daemon), then run restore again. Nothing was changed.");
        assertThat(BackupFiles.snapshot(data).keySet()).isEqualTo(before.keySet());
        assertThat(held.createStatement().executeQuery("SELECT COUNT(*) FROM contact").next())
            .isTrue();
      }
      assertThat(emails()).containsExactlyInAnyOrder("ada@example.org", "since@example.org");
    }

    private void refusedBackup(Path target, String message) throws IOException {
      var before = BackupFiles.snapshot(dir);
      var r = cli.run("backup", target.toString());
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.err().strip()).isEqualTo(message);
      assertThat(r.out()).isEmpty();
      assertThat(BackupFiles.snapshot(dir))
          .as("nothing changed beside the data folder")
          .isEqualTo(before);
      assertThat(emails()).containsExactlyInAnyOrder("ada@example.org", "since@example.org");
    }

    private void refusedRestore(Path bad, String message) throws IOException {
      var before = BackupFiles.snapshot(data);
      var r = cli.run("restore", bad.toString());
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.err().strip()).isEqualTo(message);
      assertThat(r.out()).isEmpty();
      assertThat(BackupFiles.snapshot(data)).as("the data folder is unchanged").isEqualTo(before);
      assertThat(emails()).containsExactlyInAnyOrder("ada@example.org", "since@example.org");
    }
  }

  @Test
  void bothCommandsExplainThemselves() {
    assertThat(cli.run("backup", "--help").out())
        .contains("also while the daemon runs")
        .contains("--force");
    assertThat(cli.run("restore", "--help").out()).contains("Stop the daemon first");
    assertThat(cli.run("--help").out()).contains("backup").contains("restore");
    assertThat(cli.run("restore").exitCode()).as("FILE is required").isEqualTo(2);
  }

  private void add(String name, String email) {
    ok("contacts", "add", "--name", name, "--email", email);
  }

  private String ok(String... args) {
    var r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r.out();
  }

  private List<String> emails() {
    try {
      List<String> out = new ArrayList<>();
      for (JsonNode c : new ObjectMapper().readTree(ok("contacts", "list", "--json")))
        out.add(c.get("email").asText());
      return out;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> siblings(Path file) throws IOException {
    try (Stream<Path> s = Files.list(file.getParent())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
