package dev.rapport.daemon;

import static dev.rapport.daemon.Processes.COMMAND;
import static dev.rapport.daemon.Processes.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.cli.CliRunner;
import dev.rapport.daemon.Processes.Run;
import dev.rapport.outbox.ScriptedSmtpServer;
import dev.rapport.template.DefaultTemplates;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The outbox in real processes: {@code sync} halted at each step of a send, {@code sync} killed
 * with SIGKILL while the server holds back its answer to the final ".", and the daemon sending an
 * approval made by a command in another process. After every crash the next start must not deliver
 * a second copy.
 */
class OutboxProcessIT {
  static final String ME = "zoe@example.org";
  static final String PASSWORD = "pw-9f3c1e77-never-logged";
  static final String PASSWORD_ENV = "RAPPORT_TEST_SMTP_PASSWORD";

  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(ME, ME, PASSWORD));

  @TempDir Path dir;
  Path data;
  Path logs;
  final List<Run> started = new ArrayList<>();

  @BeforeEach
  void setUp() {
    data = dir.resolve("data");
    logs = dir.resolve("logs");
  }

  @AfterEach
  void killLeftovers() {
    started.forEach(r -> r.process().destroyForcibly());
  }

  // --- a crash at every step

  @ParameterizedTest(name = "crash {0}: {1} delivered, then {2}")
  @CsvSource({
    "AFTER_SENDING_COMMIT, 0, UNCERTAIN",
    "AFTER_DATA,           1, UNCERTAIN",
    "BEFORE_SENT_COMMIT,   1, SENT"
  })
  void aCrashAtEachStepNeverSendsTwice(String step, int delivered, String after) throws Exception {
    Path config = config(mail.getSmtp().getPort(), mail.getImap().getPort());
    CliRunner cli = new CliRunner(data, config);
    long contact = contact(cli, "Ada Lovelace", "ada@example.net");
    long draft = approvedOutreach(cli, contact);

    Run crashed = sync(config, "-Drapport.test.crashAt=" + step);
    assertThat(crashed.exitCode(COMMAND)).as(crashed.toString()).isEqualTo(99);
    assertThat(crashed.err()).contains("test crash at " + step);
    assertThat(draft(cli, draft).get("status").asText()).isEqualTo("SENDING");
    assertThat(deliveredCount()).isEqualTo(delivered);

    Run next = sync(config);
    assertThat(next.exitCode(COMMAND)).as(next.toString()).isZero();
    assertThat(next.out()).contains("interrupted send(s)");
    JsonNode d = draft(cli, draft);
    assertThat(d.get("status").asText()).isEqualTo(after);
    assertThat(deliveredCount()).as("no second copy").isEqualTo(delivered);
    assertThat(stage(cli, contact)).isEqualTo(after.equals("SENT") ? "CONTACTED" : "NEW");

    Run third = sync(config);
    assertThat(third.exitCode(COMMAND)).as(third.toString()).isZero();
    assertThat(third.out().lines().toList())
        .containsExactly(
            "Read 0 new message(s); 0 about your contacts.", "Scheduled: nothing due.", "Sent 0.");
    assertThat(deliveredCount()).isEqualTo(delivered);
    assertThat(draft(cli, draft).get("status").asText()).isEqualTo(after);
  }

  @Test
  void
      killedWithSigkillWhileTheServerHoldsItsAnswerTheDraftIsUncertainAndGoesAgainOnlyWhenTheUserSays()
          throws Exception {
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
      smtp.script(line -> line.equals(".") ? ScriptedSmtpServer.STALL : null);
      Path config = config(smtp.port(), mail.getImap().getPort());
      CliRunner cli = new CliRunner(data, config);
      long draft = approvedOutreach(cli, contact(cli, "Ada Lovelace", "ada@example.net"));

      Run sync = sync(config);
      assertThat(smtp.awaitMessages(1, COMMAND))
          .as("the message reached the server: " + sync)
          .isTrue();
      assertThat(sync.process().isAlive())
          .as("still waiting for the answer to the final dot")
          .isTrue();
      sync.process().destroyForcibly(); // SIGKILL
      assertThat(sync.exitCode(COMMAND)).isEqualTo(137);

      smtp.script(line -> null);
      Run next = sync(config);
      assertThat(next.exitCode(COMMAND)).as(next.toString()).isZero();
      assertThat(draft(cli, draft).get("status").asText()).isEqualTo("UNCERTAIN");
      Run again = sync(config);
      assertThat(again.exitCode(COMMAND)).isZero();
      assertThat(smtp.messages).as("never resent without the user's word").hasSize(1);

      var resolve = cli.run("drafts", "resolve", String.valueOf(draft), "--resend");
      assertThat(resolve.exitCode()).as(resolve.toString()).isZero();
      assertThat(sync(config).exitCode(COMMAND)).isZero();
      assertThat(smtp.messages).hasSize(2);
      assertThat(messageId(smtp.messages.get(1))).isEqualTo(messageId(smtp.messages.get(0)));
      assertThat(draft(cli, draft).get("status").asText()).isEqualTo("SENT");
    }
  }

  @Test
  void killedInTheMiddleOfABatchNothingGoesTwiceAndEveryCopyInSentCountsAsSent() throws Exception {
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
      var dots = new java.util.concurrent.atomic.AtomicInteger();
      // The sixth message is never answered: five delivered, one in doubt, two not begun.
      smtp.script(
          line ->
              line.equals(".") && dots.incrementAndGet() == 6 ? ScriptedSmtpServer.STALL : null);
      Path config = config(smtp.port(), mail.getImap().getPort());
      CliRunner cli = new CliRunner(data, config);
      List<Long> drafts = new ArrayList<>();
      for (int i = 0; i < 8; i++)
        drafts.add(
            approvedOutreach(cli, contact(cli, "Person " + i, "person" + i + "@example.net")));

      Run sync = sync(config);
      assertThat(smtp.awaitMessages(6, COMMAND)).as(sync.toString()).isTrue();
      // The copies of the five answered messages are appended beside the stalled send.
      await(
          COMMAND,
          "the five copies in Sent",
          () -> {
            try {
              return sentFolder(mail.getImap().getPort(), ME, PASSWORD).size() == 5;
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          });
      assertThat(sync.process().isAlive()).as("still waiting for the sixth answer").isTrue();
      sync.process().destroyForcibly(); // SIGKILL
      assertThat(sync.exitCode(COMMAND)).isEqualTo(137);

      smtp.script(line -> null);
      Run next = sync(config);
      assertThat(next.exitCode(COMMAND)).as(next.toString()).isZero();
      List<String> statuses =
          drafts.stream().map(d -> draft(cli, d).get("status").asText()).toList();
      assertThat(statuses)
          .containsExactly("SENT", "SENT", "SENT", "SENT", "SENT", "UNCERTAIN", "SENT", "SENT");
      List<String> ids = smtp.messages.stream().map(OutboxProcessIT::messageId).toList();
      assertThat(ids).as("nothing sent twice").doesNotHaveDuplicates().hasSize(8);
      List<String> copies = sentFolder(mail.getImap().getPort(), ME, PASSWORD);
      assertThat(copies).doesNotHaveDuplicates().hasSize(7);
      for (int i = 0; i < drafts.size(); i++) {
        String id = draft(cli, drafts.get(i)).get("messageId").asText();
        if (i == 5) assertThat(copies).doesNotContain(id);
        else assertThat(copies).contains(id);
      }
      Run third = sync(config);
      assertThat(third.exitCode(COMMAND)).isZero();
      assertThat(smtp.messages).hasSize(8);
    }
  }

  // --- the daemon

  @Test
  void theDaemonSendsAnApprovalMadeByACommandInAnotherProcessWithinSeconds() throws Exception {
    int smtp = Processes.freePort();
    int imap = Processes.freePort();
    Run daemon =
        track(
            Processes.rapport(
                data,
                logs,
                "run",
                "--sandbox-smtp-port",
                String.valueOf(smtp),
                "--sandbox-imap-port",
                String.valueOf(imap)));
    Processes.awaitUp(daemon, data);
    assertThat(daemon.out()).contains("approved drafts are sent to the sandbox within seconds");

    CliRunner cli = new CliRunner(data);
    long contact = contact(cli, "Ada Lovelace", "ada@example.net");
    long draft = outreach(cli, contact);
    Run approve = track(Processes.rapport(data, logs, "drafts", "approve", String.valueOf(draft)));
    approve.succeeds();
    long approvedAt = System.nanoTime();
    await(
        Duration.ofSeconds(15),
        "the daemon to send the draft",
        () -> draft(cli, draft).get("status").asText().equals("SENT"));
    long millis = (System.nanoTime() - approvedAt) / 1_000_000;
    assertThat(millis).as("sent within seconds of the approval").isLessThan(10_000);
    assertThat(stage(cli, contact)).isEqualTo("CONTACTED");

    String messageId = draft(cli, draft).get("messageId").asText();
    String secret = Files.readString(data.resolve("sandbox.secret")).strip();
    assertThat(sentFolder(imap, "me@rapport.test", secret)).containsExactly(messageId);

    // sync beside the daemon uses the daemon's sandbox
    Run sync = track(Processes.rapport(data, logs, "sync"));
    assertThat(sync.succeeds().lines().toList())
        .containsExactly(
            "Read 0 new message(s); 0 about your contacts.", "Scheduled: nothing due.", "Sent 0.");

    daemon.process().destroy();
    assertThat(daemon.exitCode(COMMAND)).isZero();
    assertThat(Processes.read(data.resolve("rapport.log")))
        .contains("started the outbox")
        .contains("stopped the outbox")
        .contains("sent draft " + draft);
  }

  @Test
  void theDaemonSettlesAnInterruptedSendAtStartThenSendsWhatIsApproved() throws Exception {
    Path config = config(mail.getSmtp().getPort(), mail.getImap().getPort());
    CliRunner cli = new CliRunner(data, config);
    long ada = contact(cli, "Ada Lovelace", "ada@example.net");
    long first = approvedOutreach(cli, ada);
    assertThat(sync(config, "-Drapport.test.crashAt=BEFORE_SENT_COMMIT").exitCode(COMMAND))
        .isEqualTo(99);
    long second = approvedOutreach(cli, contact(cli, "Bob Babbage", "bob@example.net"));

    Run daemon =
        track(
            Processes.rapport(
                data,
                logs,
                List.of(),
                Map.of(PASSWORD_ENV, PASSWORD),
                "--config",
                config.toString(),
                "run"));
    Processes.awaitUp(daemon, data);
    await(
        Duration.ofSeconds(30),
        "the daemon to settle and send",
        () ->
            draft(cli, first).get("status").asText().equals("SENT")
                && draft(cli, second).get("status").asText().equals("SENT"));
    assertThat(deliveredCount()).isEqualTo(2);
    assertThat(stage(cli, ada)).isEqualTo("CONTACTED");
    daemon.process().destroy();
    assertThat(daemon.exitCode(COMMAND)).isZero();
    assertThat(Processes.read(data.resolve("rapport.log")))
        .contains("draft " + first + " was left SENDING; its copy is in the Sent folder: SENT");
  }

  @Test
  void aFullSendThroughTheConfiguredAccountNeverShowsThePassword() throws Exception {
    Path config = config(mail.getSmtp().getPort(), mail.getImap().getPort());
    CliRunner cli = new CliRunner(data, config);
    long draft = approvedOutreach(cli, contact(cli, "Ada Lovelace", "ada@example.net"));
    Run daemon =
        track(
            Processes.rapport(
                data,
                logs,
                List.of(),
                Map.of(PASSWORD_ENV, PASSWORD),
                "-v",
                "--config",
                config.toString(),
                "run"));
    Processes.awaitUp(daemon, data);
    await(
        Duration.ofSeconds(30),
        "the daemon to send",
        () -> draft(cli, draft).get("status").asText().equals("SENT"));
    assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
    Run sync =
        track(
            Processes.rapport(
                data,
                logs,
                List.of(),
                Map.of(PASSWORD_ENV, PASSWORD),
                "-v",
                "--config",
                config.toString(),
                "sync"));
    sync.succeeds();
    daemon.process().destroy();
    assertThat(daemon.exitCode(COMMAND)).isZero();

    String everything =
        Processes.read(data.resolve("rapport.log"))
            + daemon.out()
            + daemon.err()
            + sync.out()
            + sync.err();
    assertThat(everything).contains("sent draft " + draft).doesNotContain(PASSWORD);
    assertThat(sentFolder(mail.getImap().getPort(), ME, PASSWORD)).hasSize(1);
  }

  // --- helpers

  Path config(int smtpPort, int imapPort) throws Exception {
    Path templates = DefaultTemplates.copyTo(dir.resolve("templates"));
    Path file = dir.resolve("rapport.yaml");
    Files.writeString(
        file,
        """
        me:
          name: "Zoë Ström"
          email: %s
        smtp:
          host: 127.0.0.1
          port: %d
          security: none
          username: %s
          password_env: %s
        imap:
          host: 127.0.0.1
          port: %d
          security: none
          username: %s
          password_env: %s
          sent: Sent
        pacing:
          window: "00:00-23:59"
          weekdays_only: false
          max_per_day: 1000
        digest:
          enabled: false
        templates: "%s"
        """
            .formatted(ME, smtpPort, ME, PASSWORD_ENV, imapPort, ME, PASSWORD_ENV, templates));
    // The user's Sent folder exists, as on a real server.
    Properties p = new Properties();
    Store store = Session.getInstance(p).getStore("imap");
    store.connect("127.0.0.1", imapPort, ME, PASSWORD);
    Folder sent = store.getFolder("Sent");
    if (!sent.exists()) sent.create(Folder.HOLDS_MESSAGES);
    store.close();
    return file;
  }

  Run sync(Path config, String... jvmOptions) {
    return track(
        Processes.rapport(
            data,
            logs,
            List.of(jvmOptions),
            Map.of(PASSWORD_ENV, PASSWORD),
            "--config",
            config.toString(),
            "sync"));
  }

  Run track(Run r) {
    started.add(r);
    return r;
  }

  /** A tier-1 contact: their default outreach has no [[why you]] line to fill before approval. */
  static long contact(CliRunner cli, String name, String email) {
    var r = cli.run("contacts", "add", "--name", name, "--email", email, "--tier", "1");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return Long.parseLong(r.out().strip());
  }

  static long outreach(CliRunner cli, long contact) {
    var r = cli.run("outreach", String.valueOf(contact));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Matcher m = Pattern.compile("Drafted draft (\\d+) ").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return Long.parseLong(m.group(1));
  }

  static long approvedOutreach(CliRunner cli, long contact) {
    long draft = outreach(cli, contact);
    var r = cli.run("drafts", "approve", String.valueOf(draft));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return draft;
  }

  static JsonNode draft(CliRunner cli, long id) {
    return json(cli.run("drafts", "show", String.valueOf(id), "--json"));
  }

  static String stage(CliRunner cli, long contact) {
    return json(cli.run("contacts", "show", String.valueOf(contact), "--json"))
        .get("stage")
        .asText();
  }

  static JsonNode json(CliRunner.Result r) {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    try {
      return new ObjectMapper().readTree(r.out());
    } catch (java.io.IOException e) {
      throw new AssertionError(r.toString(), e);
    }
  }

  static long deliveredCount() {
    return mail.findReceivedMessages(u -> !u.getEmail().equals(ME), m -> true).count();
  }

  static String messageId(String rawMessage) {
    Matcher m = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)").matcher(rawMessage);
    assertThat(m.find()).as(rawMessage).isTrue();
    return m.group(1);
  }

  static List<String> sentFolder(int imapPort, String user, String password) throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", imapPort, user, password);
    try {
      Folder f = store.getFolder("Sent");
      if (!f.exists()) return List.of();
      f.open(Folder.READ_ONLY);
      List<String> ids = new ArrayList<>();
      for (Message m : f.getMessages()) ids.add(((MimeMessage) m).getMessageID());
      f.close(false);
      return ids;
    } finally {
      store.close();
    }
  }
}
