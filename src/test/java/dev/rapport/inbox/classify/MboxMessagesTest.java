package dev.rapport.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MboxMessagesTest {
  private static String report(String recipient, String status, String id) {
    return """
        From MAILER-DAEMON  Thu Apr 29 23:34:45 2015
        From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
        To: me@example.org
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <dsn-%s@mx.example.org>
        Content-Type: multipart/report; report-type=delivery-status; boundary="B%s"

        --B%s
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.org

        Final-Recipient: rfc822; %s
        Action: failed
        Status: %s
        --B%s--

        """
        .formatted(id, id, id, recipient, status, id);
  }

  @Test
  void twoReportsInOneMboxAreBothRead() {
    Classification c =
        TestMail.classify(
            report("bob@example.com", "5.1.1", "1") + report("ann@example.com", "5.2.1", "2"));
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_HARD);
    assertThat(c.recipients()).containsExactly("bob@example.com", "ann@example.com");
    assertThat(c.statusCodes()).contains("5.1.1", "5.2.1");
  }

  @Test
  void oneReadingServesTheClassifierAndTheWatcher() {
    byte[] mbox =
        TestMail.bytes(
            report("bob@example.com", "5.1.1", "1") + report("ann@example.com", "5.2.1", "2"));
    ReadMessage read = new MessageReader().readAll(mbox);
    assertThat(read.messages()).hasSize(2);
    assertThat(read.first().subject()).isEqualTo("Undelivered Mail Returned to Sender");
    Classification c = new Classifier().classify(read, TestMail.context());
    assertThat(c.recipients()).containsExactly("bob@example.com", "ann@example.com");

    byte[] plain = TestMail.bytes("From: bob@example.com\nSubject: hi\n\nYes, gladly.\n");
    ReadMessage one = new MessageReader().readAll(plain);
    assertThat(one.messages()).hasSize(1);
    assertThat(one.first().text()).isEqualTo(new MessageReader().read(plain).text());
  }

  @Test
  void aFromLineInsideAnOrdinaryMessageSplitsNothing() {
    String mail =
        "From: bob@example.com\nSubject: hi\n\nQuoting my mbox:\nFrom bob Thu Apr 29 23:34:45 2015\nbye\n";
    assertThat(MboxMessages.split(TestMail.bytes(mail))).hasSize(1);
    assertThat(TestMail.classify(mail).kind()).isEqualTo(Kind.HUMAN_REPLY);
  }

  @Test
  void sisimaisRfc3464_28NamesBothRecipients() throws Exception {
    Path file = Path.of("..", "shared", "corpus", "sisimai", "messages", "rfc3464-28.eml");
    Assumptions.assumeTrue(Files.isRegularFile(file), file + " not found: corpus test skipped");
    Classification c = new Classifier().classify(Files.readAllBytes(file), TestMail.context());
    assertThat(c.kind()).isEqualTo(Kind.DELIVERY_REPORT);
    assertThat(c.recipients()).containsExactly("kijitora@neko.example.jp", "info@neko.example.jp");
  }
}
