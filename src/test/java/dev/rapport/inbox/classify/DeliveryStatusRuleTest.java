package dev.rapport.inbox.classify;

import static dev.rapport.inbox.classify.TestMail.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatusRuleTest {
  /**
   * A Postfix-style DSN for one recipient, with the given per-recipient fields and returned part.
   */
  private static String dsn(String recipientFields, String returnedPart) {
    return """
        From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
        To: me@example.org
        Subject: Undelivered Mail Returned to Sender
        Auto-Submitted: auto-replied
        In-Reply-To: <misleading@example.org>
        Message-ID: <dsn-1@mx.example.org>
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        This is the mail system at host mx.example.org.
        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.org

        Final-Recipient: rfc822; bob@example.com
        Original-Recipient: rfc822;bob@example.com
        %s
        --B
        %s
        --B--
        """
        .formatted(recipientFields, returnedPart);
  }

  private static final String RETURNED_MESSAGE =
      """
      Content-Type: message/rfc822

      Message-ID: <outreach-1@example.org>
      From: Me <me@example.org>
      To: Bob <bob@example.com>
      Subject: Coffee?

      Hello Bob
      """;

  @Test
  void permanentStatusIsAHardBounceWithRecipientAndOriginalId() {
    Classification c =
        classify(
            dsn(
                "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: User unknown",
                RETURNED_MESSAGE));
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_HARD);
    assertThat(c.rule()).isEqualTo("delivery-status");
    assertThat(c.statusCodes()).containsExactly("5.1.1");
    assertThat(c.recipients()).containsExactly("bob@example.com");
    assertThat(c.originalMessageIds()).startsWith("<outreach-1@example.org>");
    assertThat(c.detail()).contains("User unknown");
  }

  @Test
  void actionDelayedIsASoftBounceEvenWithoutStatus() {
    Classification c = classify(dsn("Action: delayed", RETURNED_MESSAGE));
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_SOFT);
  }

  @Test
  void temporaryStatusIsASoftBounce() {
    Classification c =
        classify(
            dsn(
                "Action: failed\nStatus: 4.4.7\nDiagnostic-Code: X-Postfix; delivery time expired",
                RETURNED_MESSAGE));
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_SOFT);
    assertThat(c.statusCodes()).containsExactly("4.4.7");
  }

  @Test
  void failedWithAnAddressThatDoesNotExistIsHardEvenUnderATemporaryStatus() {
    Classification c =
        classify(
            dsn(
                "Action: failed\nStatus: 4.1.1\nDiagnostic-Code: smtp; 450 4.1.1 <bob@example.com>: Recipient address rejected: User unknown",
                RETURNED_MESSAGE));
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_HARD);
  }

  @Test
  void successStatusIsADeliveryReport() {
    Classification c = classify(dsn("Action: delivered\nStatus: 2.0.0", RETURNED_MESSAGE));
    assertThat(c.kind()).isEqualTo(Kind.DELIVERY_REPORT);
    assertThat(c.recipients()).containsExactly("bob@example.com");
  }

  @Test
  void anyPermanentRecipientMakesTheWholeReportHard() {
    String twoRecipients =
        "Action: delayed\nStatus: 4.2.2\n\nFinal-Recipient: rfc822; carol@example.com\nAction: failed\nStatus: 5.2.1";
    Classification c = classify(dsn(twoRecipients, RETURNED_MESSAGE));
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_HARD);
    assertThat(c.statusCodes()).containsExactly("4.2.2", "5.2.1");
    assertThat(c.recipients()).containsExactly("bob@example.com", "carol@example.com");
  }

  @Test
  void findsTheOriginalIdInATextRfc822HeadersPart() {
    String headersOnly =
        """
        Content-Type: text/rfc822-headers

        Message-ID: <outreach-2@example.org>
        To: bob@example.com
        """;
    Classification c = classify(dsn("Action: failed\nStatus: 5.0.0", headersOnly));
    assertThat(c.originalMessageIds()).first().isEqualTo("<outreach-2@example.org>");
  }

  @Test
  void aFailedRecipientWithoutStatusIsJudgedByItsDiagnostic() {
    Classification c =
        classify(
            dsn(
                "Action: failed\nDiagnostic-Code: smtp; mailbox full, try again later",
                RETURNED_MESSAGE));
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_SOFT);
  }

  @Test
  void theOriginalEnvelopeIdCountsAsTheOriginalMessageId() {
    // No returned copy and no thread headers: only the ENVID, xtext-encoded, says which message.
    Classification c =
        classify(
            """
            From: MAILER-DAEMON@mx.example.org
            To: me@example.org
            Subject: Undelivered Mail Returned to Sender
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"

            --B
            Content-Type: text/plain

            Delivery failed.
            --B
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.org
            Original-Envelope-Id: +3Coutreach-7@example.org+3E

            Final-Recipient: rfc822; bob@example.com
            Action: failed
            Status: 5.1.1
            --B--
            """);
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_HARD);
    assertThat(c.originalMessageIds()).containsExactly("<outreach-7@example.org>");
  }
}
