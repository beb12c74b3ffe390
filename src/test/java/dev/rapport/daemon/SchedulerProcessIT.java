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
import dev.rapport.template.DefaultTemplates;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler in the real daemon process, with second-long cadences, against GreenMail: an
 * approved outreach goes out, a follow-up draft appears after the wait (not before), goes out
 * threaded once approved, and after one more wait the contact is NO_RESPONSE.
 */
class SchedulerProcessIT {
  static final String ME = "zoe@example.org";
  static final String PASSWORD = "pw-scheduler-it";
  static final String PASSWORD_ENV = "RAPPORT_TEST_SMTP_PASSWORD";
  static final int WAIT_SECONDS = 3;

  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(ME, ME, PASSWORD));

  @TempDir Path dir;
  final List<Run> started = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    started.forEach(r -> r.process().destroyForcibly());
  }

  @Test
  void theDaemonDraftsAFollowUpAfterTheWaitAndMarksNoResponseAfterTheLastNudge() throws Exception {
    Path data = dir.resolve("data");
    Path logs = dir.resolve("logs");
    Path config = config();
    CliRunner cli = new CliRunner(data, config);
    Run daemon =
        Processes.rapport(
            data,
            logs,
            List.of(),
            Map.of(PASSWORD_ENV, PASSWORD),
            "--config",
            config.toString(),
            "run");
    started.add(daemon);
    Processes.awaitUp(daemon, data);

    long ada =
        Long.parseLong(
            ok(cli, "contacts", "add", "--name", "Ada Lovelace", "--email", "ada@example.net")
                .strip());
    Matcher m =
        Pattern.compile("Drafted draft (\\d+) ").matcher(ok(cli, "outreach", String.valueOf(ada)));
    assertThat(m.find()).isTrue();
    long outreach = Long.parseLong(m.group(1));
    ok(cli, "drafts", "approve", String.valueOf(outreach));
    await(
        Duration.ofSeconds(30),
        "the outreach to be sent",
        () -> status(cli, outreach).equals("SENT"));
    OffsetDateTime sentAt =
        OffsetDateTime.parse(
            json(cli, "drafts", "show", String.valueOf(outreach)).get("sentAt").asText());
    JsonNode next = json(cli, "contacts", "show", String.valueOf(ada)).get("next");
    assertThat(next.get("action").asText()).isEqualTo("FOLLOW_UP");

    await(Duration.ofSeconds(30), "a follow-up draft", () -> followUps(cli).size() == 1);
    JsonNode nudge = followUps(cli).get(0);
    assertThat(nudge.get("status").asText()).isEqualTo("PENDING");
    assertThat(Duration.between(sentAt, OffsetDateTime.parse(nudge.get("createdAt").asText())))
        .as("drafted after the wait, not before")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(WAIT_SECONDS));
    assertThat(json(cli, "contacts", "show", String.valueOf(ada)).get("next").isNull())
        .as("nothing more while the nudge waits for review")
        .isTrue();

    long nudgeId = nudge.get("id").asLong();
    ok(cli, "drafts", "approve", String.valueOf(nudgeId));
    await(
        Duration.ofSeconds(30), "the nudge to be sent", () -> status(cli, nudgeId).equals("SENT"));
    assertThat(mail.waitForIncomingEmail(10_000, 2)).isTrue();
    String outreachId =
        json(cli, "drafts", "show", String.valueOf(outreach)).get("messageId").asText();
    MimeMessage sentNudge =
        mail.findReceivedMessages(u -> u.getEmail().equals("ada@example.net"), x -> true)
            .filter(x -> header(x, "In-Reply-To") != null)
            .findFirst()
            .orElseThrow();
    assertThat(header(sentNudge, "In-Reply-To")).isEqualTo(outreachId);

    await(
        Duration.ofSeconds(30),
        "NO_RESPONSE after the last nudge and one more wait",
        () ->
            json(cli, "contacts", "show", String.valueOf(ada))
                .get("stage")
                .asText()
                .equals("NO_RESPONSE"));
    assertThat(followUps(cli)).hasSize(1);

    daemon.process().destroy();
    assertThat(daemon.exitCode(COMMAND)).isZero();
    assertThat(Processes.read(data.resolve("rapport.log")))
        .contains("started the scheduler")
        .contains("drafted follow-up " + nudgeId)
        .contains("stopped the scheduler");
  }

  @Test
  void aReplyThatArrivedWhileTheDaemonWasDownIsReadBeforeAnyNudge() throws Exception {
    Path data = dir.resolve("data");
    Path logs = dir.resolve("logs");
    Path config = config();
    CliRunner cli = new CliRunner(data, config);
    Run first = daemon(data, logs, config);
    long ada =
        Long.parseLong(
            ok(cli, "contacts", "add", "--name", "Ada Lovelace", "--email", "ada@example.net")
                .strip());
    Matcher m =
        Pattern.compile("Drafted draft (\\d+) ").matcher(ok(cli, "outreach", String.valueOf(ada)));
    assertThat(m.find()).isTrue();
    long outreach = Long.parseLong(m.group(1));
    ok(cli, "drafts", "approve", String.valueOf(outreach));
    await(
        Duration.ofSeconds(30),
        "the outreach to be sent",
        () -> status(cli, outreach).equals("SENT"));
    first.process().destroy();
    assertThat(first.exitCode(COMMAND)).isZero();

    // While it is down: Ada answers, and the follow-up wait passes.
    String outreachId =
        json(cli, "drafts", "show", String.valueOf(outreach)).get("messageId").asText();
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
    MimeMessage reply = new MimeMessage(Session.getInstance(p));
    reply.setFrom("Ada Lovelace <ada@example.net>");
    reply.setRecipients(jakarta.mail.Message.RecipientType.TO, ME);
    reply.setSubject("Re: your note");
    reply.setHeader("In-Reply-To", outreachId);
    reply.setText("Happy to talk next week.");
    jakarta.mail.Transport.send(reply);
    OffsetDateTime sentAt =
        OffsetDateTime.parse(
            json(cli, "drafts", "show", String.valueOf(outreach)).get("sentAt").asText());
    await(
        Duration.ofSeconds(30),
        "the follow-up wait to pass",
        () -> OffsetDateTime.now().isAfter(sentAt.plusSeconds(2L * WAIT_SECONDS)));

    Run second = daemon(data, logs, config);
    await(
        Duration.ofSeconds(30),
        "the reply to be read",
        () ->
            json(cli, "contacts", "show", String.valueOf(ada))
                .get("stage")
                .asText()
                .equals("REPLIED"));
    // The scheduler started after the inbox had read the reply: its first run found nothing.
    await(
        Duration.ofSeconds(30),
        "the scheduler's first run",
        () -> Processes.read(data.resolve("rapport.log")).contains("started the outbox"));
    assertThat(followUps(cli)).isEmpty();
    assertThat(json(cli, "contacts", "show", String.valueOf(ada)).get("next").isNull()).isTrue();
    second.process().destroy();
    assertThat(second.exitCode(COMMAND)).isZero();
    assertThat(followUps(cli)).isEmpty();
  }

  Run daemon(Path data, Path logs, Path config) {
    Run d =
        Processes.rapport(
            data,
            logs,
            List.of(),
            Map.of(PASSWORD_ENV, PASSWORD),
            "--config",
            config.toString(),
            "run");
    started.add(d);
    Processes.awaitUp(d, data);
    return d;
  }

  Path config() throws Exception {
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
          poll: 1s
        cadence:
          follow_up_after: %ds
          max_follow_ups: 1
        pacing:
          window: "00:00-23:59"
          weekdays_only: false
          max_per_day: 1000
        digest:
          enabled: false
        templates: "%s"
        """
            .formatted(
                ME,
                mail.getSmtp().getPort(),
                ME,
                PASSWORD_ENV,
                mail.getImap().getPort(),
                ME,
                PASSWORD_ENV,
                WAIT_SECONDS,
                templates));
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", mail.getImap().getPort(), ME, PASSWORD);
    Folder sent = store.getFolder("Sent");
    if (!sent.exists()) sent.create(Folder.HOLDS_MESSAGES);
    store.close();
    return file;
  }

  static String ok(CliRunner cli, String... args) {
    var r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r.out();
  }

  static JsonNode json(CliRunner cli, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--json");
    try {
      return new ObjectMapper().readTree(ok(cli, all.toArray(String[]::new)));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  static String status(CliRunner cli, long draft) {
    return json(cli, "drafts", "show", String.valueOf(draft)).get("status").asText();
  }

  static List<JsonNode> followUps(CliRunner cli) {
    List<JsonNode> out = new ArrayList<>();
    json(cli, "drafts", "list")
        .forEach(
            d -> {
              if (d.get("kind").asText().equals("FOLLOW_UP")) out.add(d);
            });
    return out;
  }

  static String header(MimeMessage m, String name) {
    try {
      String[] h = m.getHeader(name);
      return h == null ? null : h[0];
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
