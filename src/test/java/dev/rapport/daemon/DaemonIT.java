package dev.rapport.daemon;

import static dev.rapport.daemon.Processes.COMMAND;
import static dev.rapport.daemon.Processes.STARTUP;
import static dev.rapport.daemon.Processes.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.cli.CliRunner;
import dev.rapport.daemon.Processes.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon and commands as separate processes on one data folder: the real jar, real sockets, a
 * real H2 file. Every wait has a deadline.
 */
class DaemonIT {
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
  void commandsInOtherProcessesShareTheDatabaseWhileTheDaemonRuns() throws Exception {
    Run daemon = startDaemon("-v");
    assertThat(daemon.out())
        .startsWith(
            "rapport sandbox: no mail account is configured, so nothing leaves this machine.")
        .contains("Data: " + data.toAbsolutePath())
        .contains("In another terminal: java -jar ")
        .contains(" --data " + data + " contacts list");

    for (int i = 0; i < 3; i++) {
      var r =
          cli.run(
              "contacts",
              "add",
              "--name",
              "In Process " + i,
              "--email",
              "inproc" + i + "@example.org");
      assertThat(r.exitCode()).as(r.toString()).isZero();
    }
    // Three processes at a time, three rounds each: nine JVMs writing through the daemon.
    List<CompletableFuture<Void>> workers =
        IntStream.range(0, 3)
            .mapToObj(
                w ->
                    CompletableFuture.runAsync(
                        () -> {
                          for (int round = 0; round < 3; round++) {
                            String id = "w" + w + "r" + round;
                            Run add =
                                command(
                                    "contacts",
                                    "add",
                                    "--name",
                                    "Worker " + id,
                                    "--email",
                                    id + "@example.org");
                            add.succeeds();
                            // what this worker wrote before is visible to its next process
                            if (round > 0)
                              assertThat(command("contacts", "list").succeeds())
                                  .contains("w" + w + "r" + (round - 1) + "@example.org");
                          }
                        }))
            .toList();
    CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get();

    Run viaDaemon = command("-v", "contacts", "list", "--json");
    assertThat(emails(viaDaemon.succeeds())).hasSize(12);
    assertThat(viaDaemon.err())
        .contains("connected to the daemon's database server on 127.0.0.1:" + announcedPort());
    assertThat(emails(cli.run("contacts", "list", "--json").out()))
        .hasSize(12)
        .contains("inproc0@example.org", "w0r0@example.org", "w2r2@example.org");

    daemon.process().destroy(); // SIGTERM
    assertThat(daemon.exitCode(COMMAND)).as(daemon.toString()).isZero();
    assertThat(daemon.out()).endsWith("rapport stopped.\n");
    assertThat(data.resolve("db.server")).doesNotExist();
    assertThat(Processes.read(data.resolve("rapport.log")))
        .contains("stopped the sandbox mail server")
        .contains("stopped the database server")
        .contains("stopped the database");

    String secret = Files.readString(data.resolve("db.secret")).strip();
    assertThat(
            Processes.read(data.resolve("rapport.log"))
                + daemon.out()
                + daemon.err()
                + viaDaemon.err())
        .as("the database password")
        .doesNotContain(secret);
    // The dashboard's token is shown once, in the banner's address, and is in no log.
    String token = Files.readString(data.resolve("dashboard.secret")).strip();
    assertThat(Files.getPosixFilePermissions(data.resolve("dashboard.secret")))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    if (daemon.out().contains("Dashboard: open "))
      assertThat(daemon.out()).contains("/login?token=" + token + " ");
    assertThat(Processes.read(data.resolve("rapport.log")) + daemon.err() + viaDaemon.err())
        .as("the dashboard's token")
        .doesNotContain(token);

    Run afterwards = command("-v", "contacts", "list", "--json");
    assertThat(emails(afterwards.succeeds())).hasSize(12);
    assertThat(afterwards.err()).contains("opened the database file");
  }

  @Test
  void afterTheDaemonIsKilledCommandsFallBackToTheFileWithEveryCommitIntact() {
    Run daemon = startDaemon();
    for (int i = 0; i < 4; i++)
      command("contacts", "add", "--name", "P" + i, "--email", "p" + i + "@example.org").succeeds();
    assertThat(
            cli.run("contacts", "add", "--name", "Last", "--email", "last@example.org").exitCode())
        .isZero();

    daemon.process().destroyForcibly(); // SIGKILL: no hook, no clean close
    assertThat(daemon.exitCode(COMMAND)).isNotZero();
    assertThat(data.resolve("db.server")).as("left behind by the killed daemon").exists();

    Run list = command("-v", "contacts", "list", "--json");
    assertThat(emails(list.succeeds()))
        .containsExactlyInAnyOrder(
            "p0@example.org",
            "p1@example.org",
            "p2@example.org",
            "p3@example.org",
            "last@example.org");
    assertThat(list.err()).contains("db.server is stale: process " + daemon.pid() + " has ended");

    // and a new daemon takes over the stale announcement
    Run next = startDaemon();
    assertThat(announcedPid()).isEqualTo(next.pid());
    assertThat(emails(command("contacts", "list", "--json").succeeds())).hasSize(5);
    next.process().destroy();
    assertThat(next.exitCode(COMMAND)).isZero();
  }

  @Test
  void withoutTheDaemonConcurrentCommandsAllSucceed() {
    assertThat(cli.run("contacts", "list").exitCode()).isZero(); // creates the database
    List<Run> adds =
        IntStream.range(0, 3)
            .mapToObj(
                i ->
                    command(
                        "contacts", "add", "--name", "C" + i, "--email", "c" + i + "@example.org"))
            .toList();
    adds.forEach(Run::succeeds);
    assertThat(emails(cli.run("contacts", "list", "--json").out()))
        .containsExactlyInAnyOrder("c0@example.org", "c1@example.org", "c2@example.org");
  }

  @Test
  void withoutTheDaemonACommandWaitsForAnotherThatHoldsTheFile() throws IOException {
    Run holder = holdTheFile();
    List<Run> adds =
        List.of(
            command("-v", "contacts", "add", "--name", "A", "--email", "a@example.org"),
            command("-v", "contacts", "add", "--name", "B", "--email", "b@example.org"));
    for (Run add : adds) {
      await(
          COMMAND,
          "a command to find the file held",
          () -> add.err().contains("is held by another process; waiting"));
    }
    assertThat(adds).allMatch(a -> a.process().isAlive());

    release(holder);
    adds.forEach(Run::succeeds);
    assertThat(emails(cli.run("contacts", "list", "--json").out()))
        .containsExactlyInAnyOrder("a@example.org", "b@example.org");
  }

  @Test
  void theDaemonWaitsForACommandThatHoldsTheFileThenStarts() throws IOException {
    Run holder = holdTheFile();
    Run daemon = daemonProcess(Processes.freePort(), Processes.freePort());
    await(
        STARTUP,
        "the daemon to find the file held",
        () ->
            Processes.read(data.resolve("rapport.log"))
                .contains("is held by another process; waiting"));
    assertThat(daemon.process().isAlive()).isTrue();
    assertThat(data.resolve("db.server")).doesNotExist();

    release(holder);
    awaitUp(daemon);
    daemon.process().destroy();
    assertThat(daemon.exitCode(COMMAND)).isZero();
  }

  @Test
  void aSecondDaemonOnTheSameDataIsRefused() {
    Run first = startDaemon();
    Run second = daemonProcess(Processes.freePort(), Processes.freePort());
    assertThat(second.exitCode(COMMAND)).isEqualTo(1);
    assertThat(second.err().strip())
        .isEqualTo(
            "Another rapport daemon (process "
                + first.pid()
                + ") already runs on "
                + data.toAbsolutePath()
                + "; stop it before starting another.");
    assertThat(announcedPid()).isEqualTo(first.pid());
    assertThat(command("contacts", "list").succeeds()).contains("No contacts yet");
  }

  @Test
  void aPortInUseIsOneSentenceAndExitCode1() throws IOException {
    int imap = Processes.freePort();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run daemon = daemonProcess(taken.getLocalPort(), imap);
      assertThat(daemon.exitCode(COMMAND)).as(daemon.toString()).isEqualTo(1);
      assertThat(daemon.err().lines().toList())
          .containsExactly(
              "Port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is already in use, so the sandbox SMTP server cannot start;"
                  + " stop the program using it or choose another port with --sandbox-smtp-port.");
      assertThat(daemon.out()).isEmpty();
    }
    assertThat(data.resolve("db.server")).doesNotExist();
    assertThat(cli.run("contacts", "list").exitCode()).as("the database was closed").isZero();
  }

  @Test
  void theBannerPrintsTheDashboardAddressWithItsTokenWhichNoLogHolds() throws Exception {
    int port = Processes.freePort();
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(
        config, "me:\n  name: Sam\n  email: sam@example.org\ndashboard:\n  port: " + port + "\n");
    Run daemon = startDaemon("-v", "--config", config.toString());
    await(STARTUP, "the banner", () -> daemon.out().contains("Stop with Ctrl-C."));
    String token = Files.readString(data.resolve("dashboard.secret")).strip();
    String address = "http://127.0.0.1:" + port + "/login?token=" + token;
    assertThat(daemon.out()).contains("Dashboard: open " + address + " to review drafts");
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
            .cookieHandler(new java.net.CookieManager())
            .build();
    var refused =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    var opened =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(address)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(opened.statusCode()).as("the login, then the review queue").isEqualTo(200);
    assertThat(opened.body()).contains("Review queue");
    daemon.process().destroy();
    assertThat(daemon.exitCode(COMMAND)).as(daemon.toString()).isZero();
    assertThat(Processes.read(data.resolve("rapport.log")) + daemon.err())
        .contains("dashboard on http://127.0.0.1:" + port)
        .doesNotContain(token);
  }

  // --- helpers

  private Run command(String... args) {
    Run r = Processes.rapport(data, logs, args);
    synchronized (started) {
      started.add(r);
    }
    return r;
  }

  private Run daemonProcess(int smtp, int imap, String... globalOptions) {
    List<String> args = new ArrayList<>(List.of(globalOptions));
    args.addAll(
        List.of(
            "run",
            "--sandbox-smtp-port",
            String.valueOf(smtp),
            "--sandbox-imap-port",
            String.valueOf(imap)));
    return command(args.toArray(String[]::new));
  }

  private Run startDaemon(String... globalOptions) {
    Run daemon = daemonProcess(Processes.freePort(), Processes.freePort(), globalOptions);
    awaitUp(daemon);
    return daemon;
  }

  private void awaitUp(Run daemon) {
    Processes.awaitUp(daemon, data);
  }

  private Run holdTheFile() {
    Run holder = Processes.testMain(FileHolder.class, logs, data.toString());
    synchronized (started) {
      started.add(holder);
    }
    await(
        COMMAND,
        "the holder to open the database",
        () -> {
          if (!holder.process().isAlive()) throw new AssertionError("the holder ended: " + holder);
          return holder.out().contains("holding embedded file");
        });
    return holder;
  }

  private static void release(Run holder) throws IOException {
    holder.process().getOutputStream().close();
    assertThat(holder.exitCode(COMMAND)).as(holder.toString()).isZero();
  }

  private long announcedPid() {
    return Long.parseLong(announcement().getProperty("pid", "-1"));
  }

  int announcedPort() {
    return Integer.parseInt(announcement().getProperty("port", "-1"));
  }

  private Properties announcement() {
    return Processes.announcement(data);
  }

  static List<String> emails(String json) {
    try {
      List<String> out = new ArrayList<>();
      for (JsonNode c : new ObjectMapper().readTree(json)) out.add(c.get("email").asText());
      return out;
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
