package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.cli.EarlyDatabase.RootWords;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database opened on a second thread while picocli parses: only when the command line says for
 * sure what picocli will read, and nothing left open whatever happens.
 */
class EarlyDatabaseTest {
  @TempDir Path dir;

  @Test
  void knowsEveryTopLevelNameAsTheAnnotationsGiveThem() {
    assertThat(EarlyDatabase.TOP_LEVEL_NAMES).isEqualTo(LeanCommandLine.topLevel().keySet());
    assertThat(LeanCommandLine.topLevel().keySet()).containsAll(EarlyDatabase.COMMANDS.keySet());
  }

  private static Optional<RootWords> words(String... args) {
    return EarlyDatabase.rootWords(args);
  }

  @Test
  void readsTheRootOptionsBeforeACommandThatOpensTheDatabase() {
    assertThat(words("contacts", "list")).contains(new RootWords(null, null));
    assertThat(words("--data", "d", "next")).contains(new RootWords(null, Path.of("d")));
    assertThat(words("--data=d", "--config", "c.yaml", "drafts", "list", "--json"))
        .contains(new RootWords(Path.of("c.yaml"), Path.of("d")));
    assertThat(words("--config=c.yaml", "stats")).contains(new RootWords(Path.of("c.yaml"), null));
    assertThat(words("contacts", "show", "7", "--json")).contains(new RootWords(null, null));
  }

  @Test
  void startsNothingWhenPicocliMightReadTheLineOtherwiseOrHelpIsAskedFor() {
    assertThat(words("sync")).as("a command that sends").isEmpty();
    assertThat(words("restore", "x.zip")).as("a command that replaces the database").isEmpty();
    assertThat(words("--version")).isEmpty();
    assertThat(words()).isEmpty();
    assertThat(words("contacts", "list", "--help")).isEmpty();
    assertThat(words("contacts", "-h", "list")).isEmpty();
    assertThat(words("-v", "contacts", "list")).as("-v logs what the opening does").isEmpty();
    assertThat(words("contacts", "list", "--verbose")).isEmpty();
    assertThat(words("help", "contacts")).isEmpty();
    assertThat(words("--data", "contacts", "list")).as("a command's name as a value").isEmpty();
    assertThat(words("--data", "a", "--data", "b", "next")).as("given twice").isEmpty();
    assertThat(words("--data")).isEmpty();
    assertThat(words("--data=", "next")).isEmpty();
    assertThat(words("@args.txt")).isEmpty();
    assertThat(words("contacts", "@args.txt")).isEmpty();
    assertThat(words("--colour", "next")).as("an option rapport does not know").isEmpty();
    assertThat(words("contcts", "list")).as("a misspelt command").isEmpty();
    assertThat(words("contacts", "import", "empty.csv"))
        .as("may end before the database")
        .isEmpty();
    assertThat(words("contacts")).as("a group alone").isEmpty();
    assertThat(words("contacts", "lst")).as("a misspelt subcommand").isEmpty();
  }

  @Test
  void aCommandReadsThroughTheEarlyDatabaseAndLeavesNothingOpen() throws IOException {
    CliRunner cli = new CliRunner(dir.resolve("data"));
    var added = cli.run("contacts", "add", "--name", "Ada Example", "--email", "ada@example.org");
    assertThat(added.exitCode()).as(added.toString()).isZero();
    var listed = cli.run("contacts", "list");
    assertThat(listed.exitCode()).as(listed.toString()).isZero();
    assertThat(listed.out()).contains("Ada Example").contains("ada@example.org");
    assertDatabaseClosed();
  }

  @Test
  void aUsageErrorStillClosesWhatWasOpenedEarly() throws IOException {
    CliRunner cli = new CliRunner(dir.resolve("data"));
    assertThat(cli.run("contacts", "list").exitCode()).isZero(); // creates the database
    var r = cli.run("contacts", "show"); // the ID is missing: picocli refuses it
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("Missing required parameter: 'ID'");
    assertDatabaseClosed();
  }

  @Test
  void whatOpeningThrowsIsReportedByTheCommandAsBefore() throws IOException {
    CliRunner cli = new CliRunner(dir.resolve("data"));
    assertThat(cli.run("contacts", "list").exitCode()).isZero();
    Path secret = dir.resolve("data").resolve("db.secret");
    Files.writeString(secret, "not-the-password\n");
    var r = cli.run("contacts", "list");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("does not accept the password in db.secret");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aBrokenConfigIsReportedByTheCommandAsBefore() throws IOException {
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(config, "pacing:\n  max_per_dya: 3\n");
    var r = new CliRunner(dir.resolve("data"), config).run("contacts", "list");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("max_per_dya");
    assertThat(r.out()).isEmpty();
  }

  /**
   * H2 holds a lock on its file while the database is open; in this JVM a second lock on it is
   * refused at once, so getting one shows nothing of the command is left open.
   */
  private void assertDatabaseClosed() throws IOException {
    Path file = dir.resolve("data").resolve("rapport.mv.db");
    assertThat(file).exists();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
        FileLock lock = ch.tryLock()) {
      assertThat(lock).as("the database file is free").isNotNull();
    }
  }
}
