package dev.rapport.outbox;

import static dev.rapport.outbox.OutboxFixture.ME;
import static dev.rapport.outbox.OutboxFixture.PASSWORD;
import static dev.rapport.outbox.OutboxFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStatus;
import dev.rapport.mail.DovecotServer;
import dev.rapport.mail.MailAccounts;
import jakarta.mail.Flags;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies into Sent and the search for them after a crash, against a private Dovecot over TLS
 * (sending goes to GreenMail's SMTP).
 */
class DovecotSentIT {
  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser(ME.email(), ME.email(), PASSWORD));

  static DovecotServer dovecot;

  @TempDir Path dir;
  OutboxFixture f;
  long ada;

  @BeforeAll
  static void start() throws Exception {
    DovecotServer.assumeInstalled();
    dovecot = new DovecotServer();
  }

  @AfterAll
  static void stop() {
    if (dovecot != null) dovecot.close();
  }

  @BeforeEach
  void setUp() {
    f = new OutboxFixture(dir, berlin("2026-11-23T10:00"));
    ada = f.contact("Ada Lovelace", "ada@example.net");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  OutboxMail mail() {
    return new OutboxMail(
        MailAccounts.sandbox(smtp.getSmtp().getPort(), ME.email(), () -> PASSWORD),
        dovecot.endpoint(),
        SentPolicy.fromConfig("auto"),
        null);
  }

  @Test
  void aCopyGoesIntoTheFolderMarkedSentAndReconcileFindsIt() throws Exception {
    Map<Long, Flags> inboxBefore = dovecot.flags("INBOX");
    long d = f.approved(ada, DraftKind.OUTREACH, "A question", "Could we talk?\n");
    PassSummary s = f.service(OutboxFixture.always()).sendDue(mail());

    assertThat(s.sent()).isEqualTo(1);
    assertThat(f.column(d, "sent_copy")).isEqualTo("COPIED");
    String id = f.messageId(d);
    assertThat(dovecot.messages("Sent")).anyMatch(m -> m.contains("Message-ID: " + id));
    assertThat(dovecot.flags("Sent").values()).allMatch(fl -> fl.contains(Flags.Flag.SEEN));
    assertThat(dovecot.flags("INBOX")).isEqualTo(inboxBefore);

    // A crash after the server took the message: the copy in Dovecot's Sent settles it.
    long bob = f.contact("Bob", "bob@example.net");
    long again = f.approved(bob, DraftKind.OUTREACH, "Interrupted", "x");
    f.set(again, "status = 'SENDING', message_id = ?, sending_at = ?", id, f.clock.instant());
    long lost = f.approved(bob, DraftKind.OUTREACH, "Lost", "x");
    f.set(
        lost,
        "status = 'SENDING', message_id = ?, sending_at = ?",
        "<never-filed.1@example.org>",
        f.clock.instant());
    PassSummary r = f.service(OutboxFixture.always()).reconcile(mail());
    assertThat(f.status(again)).isEqualTo(DraftStatus.SENT);
    assertThat(f.status(lost)).isEqualTo(DraftStatus.UNCERTAIN);
    assertThat(r.reconciledSent()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }
}
