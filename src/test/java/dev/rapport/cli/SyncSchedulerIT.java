package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.Sql;
import dev.rapport.template.DefaultTemplates;
import dev.rapport.testing.RapportMail;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync}: reads the inbox, then does what the scheduler has due, then sends. */
class SyncSchedulerIT {
  static final String ME = "sam@example.org";
  static final String PASSWORD = "sync-pw";
  static final Instant SENT = Instant.parse("2026-11-23T09:00:00Z");
  static final String OUTREACH_ID = "<outreach-1@example.org>";

  @RegisterExtension static final RapportMail mail = RapportMail.account(ME, PASSWORD);

  @TempDir Path dir;
  CliRunner cli;
  long ada;

  @BeforeEach
  void setUp() throws Exception {
    Path templates = DefaultTemplates.copyTo(dir.resolve("templates"));
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(
        config,
        """
        me: {name: Sam Rivera, email: %s}
        smtp: {host: 127.0.0.1, port: %d, security: none, username: %s, password_env: PW}
        imap: {host: 127.0.0.1, port: %d, security: none, username: %s, password_env: PW, sent: none}
        pacing: {timezone: Europe/Berlin, window: "00:00-23:59", weekdays_only: false}
        digest: {enabled: false}
        templates: "%s"
        """
            .formatted(ME, mail.getSmtp().getPort(), ME, mail.getImap().getPort(), ME, templates));
    cli = new CliRunner(dir.resolve("data"), config).env("PW", PASSWORD);
    var added = cli.run("contacts", "add", "--name", "Ada Lovelace", "--email", "ada@example.net");
    ada = Long.parseLong(added.out().strip());
    cli.run("outreach", String.valueOf(ada));
    try (Database db = DatabaseOpener.open(new DataFolder(dir.resolve("data")))) {
      db.transaction(
          c -> {
            Sql.update(
                c,
                "UPDATE draft SET status = 'SENT', sent_at = ?, message_id = ?",
                SENT.atOffset(ZoneOffset.UTC),
                OUTREACH_ID);
            return Sql.update(c, "UPDATE contact SET stage = 'CONTACTED'");
          });
    }
    cli.clock(Clock.fixed(SENT.plus(Duration.ofDays(8)), ZoneOffset.UTC));
  }

  @Test
  void syncDraftsTheDueFollowUp() throws Exception {
    var r = cli.run("sync");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Scheduled: 1 follow-up(s) drafted.");
    assertThat(kinds("PENDING")).containsExactly("FOLLOW_UP");
    assertThat(cli.run("sync").out()).contains("Scheduled: nothing due.");
    assertThat(kinds("PENDING")).hasSize(1);
  }

  @Test
  void aReplyWaitingInTheInboxIsReadBeforeTheSchedulerRuns() throws Exception {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
    MimeMessage reply = new MimeMessage(Session.getInstance(p));
    reply.setFrom("Ada Lovelace <ada@example.net>");
    reply.setRecipients(Message.RecipientType.TO, ME);
    reply.setSubject("Re: hello");
    reply.setHeader("In-Reply-To", OUTREACH_ID);
    reply.setText("Gladly, Tuesday?");
    Transport.send(reply);
    assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();

    var r = cli.run("sync");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("1 about your contacts").contains("Scheduled: nothing due.");
    assertThat(kinds("PENDING")).isEmpty();
    JsonNode show =
        new ObjectMapper()
            .readTree(cli.run("contacts", "show", String.valueOf(ada), "--json").out());
    assertThat(show.get("stage").asText()).isEqualTo("REPLIED");
    assertThat(show.get("next").isNull()).isTrue();
  }

  private List<String> kinds(String status) throws Exception {
    JsonNode list =
        new ObjectMapper().readTree(cli.run("drafts", "list", "--status", status, "--json").out());
    List<String> out = new ArrayList<>();
    list.forEach(d -> out.add(d.get("kind").asText()));
    return out;
  }
}
