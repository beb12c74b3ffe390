package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.App;
import dev.rapport.config.ConfigLoader;
import dev.rapport.daemon.Daemon;
import dev.rapport.daemon.SandboxMail;
import dev.rapport.inbox.Inbox;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Sql;
import dev.rapport.testing.Await;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole sandbox loop in one process: the daemon's parts, {@code sandbox reply}, and the watcher
 * seeing it.
 */
class SandboxLoopIT {
  @TempDir Path dir;

  @Test
  void theDaemonSeesASandboxReplyWithinSeconds() throws Exception {
    DataFolder data = new DataFolder(dir.resolve("data"));
    data.create();
    App app =
        new App(
            ConfigLoader.load(dir.resolve("none.yaml"), false), data, Clock.systemUTC(), Map.of());
    Daemon daemon = app.daemon(new SandboxMail.Ports(freePort(), freePort()));
    daemon.start();
    try {
      assertThat(daemon.part(Inbox.class)).isPresent();
      CliRunner cli = new CliRunner(data.path());
      var added = cli.run("contacts", "add", "--name", "Bo Lind", "--email", "bo@corp.test");
      assertThat(added.exitCode()).as(added.toString()).isZero();
      long id = Long.parseLong(added.out().strip());
      Instant now = Instant.now();
      app.database()
          .transaction(
              c -> {
                Sql.update(c, "UPDATE contact SET stage = 'CONTACTED' WHERE id = ?", id);
                return Sql.insert(
                    c,
                    "INSERT INTO draft (contact_id, kind, status, to_address, subject, body, message_id, created_at, updated_at,"
                        + " sent_at) VALUES (?, 'OUTREACH', 'SENT', 'bo@corp.test', 'Hello', 'Hi', '<loop-1@rapport.test>', ?, ?, ?)",
                    id,
                    now,
                    now,
                    now);
              });

      var r = cli.run("sandbox", "reply", String.valueOf(id));
      assertThat(r.exitCode()).as(r.toString()).isZero();

      // the sandbox renews its IDLE every 5 s
      try {
        Await.until(
            Duration.ofSeconds(20),
            "contact " + id + " to be REPLIED",
            () -> stageOf(app, id).equals("REPLIED"));
      } catch (AssertionError late) {
        // fall through: the assertion below prints what the watcher saw
      }
      String stage = stageOf(app, id);
      String seen =
          app.database()
              .read(
                  c ->
                      Sql.list(
                              c,
                              "SELECT folder || ' ' || uid_validity || ' ' || last_uid FROM inbox_folder",
                              rs -> rs.getString(1))
                          + " "
                          + Sql.list(
                              c,
                              "SELECT uid || ' ' || message_key || ' ' || COALESCE(kind, '-') FROM inbox_message",
                              rs -> rs.getString(1)));
      Inbox inbox = daemon.part(Inbox.class).orElseThrow();
      if (!stage.equals("REPLIED")) seen += " / a poll now: " + inbox.pollOnce();
      String threads =
          Thread.getAllStackTraces().entrySet().stream()
              .filter(e -> e.getKey().getName().startsWith("rapport-inbox"))
              .map(
                  e ->
                      e.getKey().getName()
                          + java.util.Arrays.toString(
                              java.util.Arrays.copyOf(
                                  e.getValue(), Math.min(12, e.getValue().length))))
              .reduce("", (a, b) -> a + "\n" + b);
      assertThat(stage)
          .as(
              "inbox state: "
                  + seen
                  + ", polls "
                  + inbox.pollCount()
                  + ", idles "
                  + inbox.idleCount()
                  + threads)
          .isEqualTo("REPLIED");
      var show = cli.run("contacts", "show", String.valueOf(id));
      assertThat(show.out())
          .contains("REPLY_RECEIVED")
          .as("the timeline speaks plainly: no Message-IDs or matching details by default")
          .doesNotContain("matched by")
          .doesNotContain("Message-ID <")
          .contains("-v adds Message-IDs");
      var verbose = cli.run("contacts", "show", String.valueOf(id), "-v");
      assertThat(verbose.out()).contains("(matched by in-reply-to; Message-ID <");
    } finally {
      daemon.stop();
    }
  }

  private static int freePort() throws Exception {
    return dev.rapport.testing.FreePorts.next();
  }

  private static String stageOf(App app, long id) {
    return app.database()
        .read(
            c ->
                Sql.one(c, "SELECT stage FROM contact WHERE id = ?", rs -> rs.getString(1), id)
                    .orElseThrow());
  }
}
