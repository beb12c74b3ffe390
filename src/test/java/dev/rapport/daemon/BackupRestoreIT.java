package dev.rapport.daemon;

import static dev.rapport.daemon.Processes.COMMAND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.cli.CliRunner;
import dev.rapport.daemon.Processes.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} while the real daemon runs and writes go through it, {@code restore} refused while
 * it runs and done once it is stopped.
 */
class BackupRestoreIT {
  @TempDir Path dir;
  Path data;
  Path logs;
  CliRunner cli;
  final List<Run> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    data = dir.resolve("data");
    logs = dir.resolve("logs");
    cli = new CliRunner(data);
  }

  @AfterEach
  void killLeftovers() {
    started.forEach(r -> r.process().destroyForcibly());
  }

  @Test
  void backupWhileTheDaemonRunsRestoresTheDataAsAtBackupTime() throws Exception {
    Run daemon = startDaemon();
    add("Ada", "ada@example.org");
    add("Grace", "grace@example.org");

    // a writer keeps adding contacts, one transaction each, while the backup is taken
    AtomicBoolean stop = new AtomicBoolean();
    List<String> added = new ArrayList<>();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; !stop.get(); i++) {
                var r =
                    cli.run("contacts", "add", "--name", "W" + i, "--email", "w" + i + "@x.org");
                assertThat(r.exitCode()).as(r.toString()).isZero();
                synchronized (added) {
                  added.add("w" + i + "@x.org");
                }
              }
            });
    Processes.await(COMMAND, "a few adds", () -> size(added) >= 3);
    int addedBefore = size(added);
    Path file = dir.resolve("backup.zip");
    Run backup = command("-v", "backup", file.toString());
    String printed = backup.succeeds();
    stop.set(true);
    writer.get(COMMAND.toSeconds(), TimeUnit.SECONDS);
    assertThat(backup.err())
        .as("taken through the daemon's server")
        .contains("connected to the daemon's database server");
    assertThat(printed).startsWith("Backed up to " + file + " (");
    String secret = Files.readString(data.resolve("db.secret")).strip();
    assertThat(printed + backup.err() + Processes.read(data.resolve("rapport.log")))
        .as("the database password")
        .doesNotContain(secret);

    Run refused = command("restore", file.toString());
    assertThat(refused.exitCode(COMMAND)).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err().strip())
        .isEqualTo(
            "The rapport daemon (process "
                + daemon.pid()
                + ") is running on "
                + data.toAbsolutePath()
                + "; stop it first, then run restore again. Nothing was changed.");
    assertThat(asideFiles()).isEmpty();
    assertThat(daemon.process().isAlive()).isTrue();
    assertThat(emails()).hasSize(2 + size(added));

    daemon.process().destroy(); // SIGTERM
    assertThat(daemon.exitCode(COMMAND)).as(daemon.toString()).isZero();
    add("After", "after@example.org");
    assertThat(cli.run("contacts", "stage", "1", "DECLINED").exitCode()).isZero();

    var restore = cli.run("restore", file.toString());
    assertThat(restore.exitCode()).as(restore.toString()).isZero();
    List<String> restored = emails();
    assertThat(restored).contains("ada@example.org", "grace@example.org");
    assertThat(restored).doesNotContain("after@example.org");
    assertThat(cli.run("contacts", "show", "1").out()).doesNotContain("DECLINED");
    // consistent: every add finished before the backup began is in it, and no later add without
    // the ones before it
    List<String> writes = restored.stream().filter(e -> e.endsWith("@x.org")).toList();
    assertThat(writes.size()).isGreaterThanOrEqualTo(addedBefore);
    assertThat(writes).containsExactlyInAnyOrderElementsOf(added.subList(0, writes.size()));
    assertThat(printed).contains(": " + restored.size() + " contacts,");
    assertThat(asideFiles()).hasSize(1);

    // the daemon starts on the restored database and serves it
    startDaemon();
    assertThat(emails()).containsExactlyInAnyOrderElementsOf(restored);
  }

  // --- helpers

  private void add(String name, String email) {
    var r = cli.run("contacts", "add", "--name", name, "--email", email);
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  private List<String> emails() {
    var r = cli.run("contacts", "list", "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return DaemonIT.emails(r.out());
  }

  private List<String> asideFiles() throws IOException {
    try (Stream<Path> s = Files.list(data)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.contains("before-restore") || n.startsWith(".restore-"))
          .toList();
    }
  }

  private static int size(List<String> list) {
    synchronized (list) {
      return list.size();
    }
  }

  private Run command(String... args) {
    Run r = Processes.rapport(data, logs, args);
    synchronized (started) {
      started.add(r);
    }
    return r;
  }

  private Run startDaemon() {
    Run daemon =
        command(
            "run",
            "--sandbox-smtp-port",
            String.valueOf(Processes.freePort()),
            "--sandbox-imap-port",
            String.valueOf(Processes.freePort()));
    Processes.awaitUp(daemon, data);
    return daemon;
  }
}
