package dev.rapport.inbox.classify;

import static dev.rapport.inbox.classify.TestMail.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextBounceRuleTest {
  private static final String EXIM =
      """
      From: Mail Delivery System <Mailer-Daemon@mx.example.net>
      To: me@example.org
      Subject: Mail delivery failed: returning message to sender
      X-Failed-Recipients: bob@example.com
      Auto-Submitted: auto-replied
      Content-Type: text/plain

      This message was created automatically by mail delivery software.

      A message that you sent could not be delivered to one or more of its
      recipients. This is a permanent error. The following address(es) failed:

        bob@example.com
          SMTP error from remote mail server after RCPT TO:<bob@example.com>:
          host mx.example.com [192.0.2.10]: 550 5.1.1 <bob@example.com>: Recipient address rejected

      ------ This is a copy of the message, including all the headers. ------

      Message-ID: <outreach-1@example.org>
      From: me@example.org
      To: bob@example.com
      Subject: Coffee?

      Hello Bob
      """;

  @Test
  void eximBounceIsHardWithRecipientCodesAndQuotedOriginalId() {
    Classification c = classify(EXIM);
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_HARD);
    assertThat(c.rule()).isEqualTo("plain-text-bounce/x-failed-recipients");
    assertThat(c.statusCodes()).contains("5.1.1", "550");
    assertThat(c.recipients()).containsExactly("bob@example.com");
    assertThat(c.originalMessageIds()).containsExactly("<outreach-1@example.org>");
  }

  @Test
  void xFailedRecipientsAloneMakesABounce() {
    Classification c =
        classify(
            """
        From: someone@mx.example.net
        Subject: Notice
        X-Failed-Recipients: carol@example.com

        Something went wrong.
        """);
    assertThat(c.kind().isBounce()).isTrue();
    assertThat(c.recipients()).containsExactly("carol@example.com");
  }

  @Test
  void qmailBounceIsRecognisedByItsGreetingAndJudgedByItsCode() {
    Classification c =
        classify(
            """
        From: someone@mx.example.jp
        Subject: failure notice

        Hi. This is the qmail-send program at mx.example.jp.
        I'm afraid I wasn't able to deliver your message to the following addresses.
        This is a permanent error; I've given up. Sorry it didn't work out.

        <bob@example.com>:
        192.0.2.1 does not like recipient.
        Remote host said: 452 4.2.2 Mailbox full
        Giving up on 192.0.2.1.

        --- Below this line is a copy of the message.

        Message-ID: <outreach-3@example.org>
        To: bob@example.com
        """);
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_SOFT);
    assertThat(c.rule()).isEqualTo("plain-text-bounce/mta-notice");
    assertThat(c.recipients()).containsExactly("bob@example.com");
    assertThat(c.originalMessageIds()).containsExactly("<outreach-3@example.org>");
  }

  @Test
  void eximDelayWarningIsSoft() {
    Classification c =
        classify(
            """
        From: Mail Delivery System <Mailer-Daemon@mx.example.net>
        Subject: Warning: message 1abc-000 delayed 24 hours

        This message was created automatically by mail delivery software.
        A message that you sent has not yet been delivered to one or more of its
        recipients after more than 24 hours on the queue on mx.example.net.
          bob@example.com
            host mx.example.com [192.0.2.10]: 451 4.7.1 Greylisted, try again later
        No action is required on your part. Delivery attempts will continue.
        """);
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_SOFT);
  }

  @Test
  void mailboxFullWithoutCodeIsSoftAndUserUnknownWithoutCodeIsHard() {
    String template =
        """
        From: postmaster@example.co.jp
        Subject: Undeliverable Mail

        %s: bob@example.com
        """;
    assertThat(classify(template.formatted("User mailbox is full")).kind())
        .isEqualTo(Kind.BOUNCE_SOFT);
    assertThat(classify(template.formatted("User unknown")).kind()).isEqualTo(Kind.BOUNCE_HARD);
  }

  @Test
  void aReturnedMessageWithNoCodeNorCauseIsHard() {
    Classification c =
        classify(
            """
        From: MAILER-DAEMON@example.com
        Subject: Returned mail

        Your message could not be delivered.
        """);
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_HARD);
    assertThat(c.detail()).contains("no sign of a retry");
  }

  @Test
  void aForwardedBounceIsStillABounce() {
    Classification c =
        classify(
            """
        From: Me <me@example.org>
        Subject: Fwd: Returned mail: see transcript for details

        Begin forwarded message:

        > From: Mail Delivery Subsystem <MAILER-DAEMON>
        > Subject: Returned mail: see transcript for details
        >
        >    ----- The following addresses had permanent fatal errors -----
        > <bob@example.com>
        >     (reason: 550 5.1.1 <bob@example.com>... User unknown)
        """);
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_HARD);
    assertThat(c.recipients()).containsExactly("bob@example.com");
  }

  @Test
  void codesInTheReturnedCopyDoNotDecide() {
    Classification c =
        classify(
            """
        From: MAILER-DAEMON@example.com
        Subject: Delivery failure

        Mailbox full: bob@example.com

        --- Original message follows.

        Subject: Coffee?
        550 reasons to meet: permanently rejected ideas
        """);
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_SOFT);
  }

  @Test
  void aNoReplyNoticeReturningTheMessageIsABounce() {
    Classification c =
        classify(
            """
        From: no-reply@mail.example.jp
        Return-Path: <>
        Subject: Mail
        Content-Type: multipart/mixed; boundary="K"

        --K
        Content-Type: text/plain

        Your mail could not be delivered to: <bob@example.jp> as their mailbox is full.
        --K
        Content-Type: message/rfc822

        Message-ID: <outreach-4@example.org>
        To: bob@example.jp
        --K--
        """);
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_SOFT);
    assertThat(c.originalMessageIds()).containsExactly("<outreach-4@example.org>");
  }

  @Test
  void aNoReplyServiceNoticeAboutADeliveryIsNotABounce() {
    Classification c =
        classify(
            """
        From: Parcel Service <no-reply@parcels.example.com>
        Return-Path: <>
        Subject: Your parcel

        We could not deliver your parcel today: the delivery failed, it was delayed. We will try again.
        """);
    assertThat(c.kind()).isEqualTo(Kind.HUMAN_REPLY);
  }

  @Test
  void anAutoReplySayingMailIsNoLongerReadIsAnAutoReply() {
    Classification c =
        classify(
            TestMail.reply(
                "Return-Path: <>\nAuto-Submitted: auto-replied",
                "Automatic reply: Coffee?",
                "I have left the company. Your message was not delivered to anyone and will not be forwarded."));
    assertThat(c.kind()).isEqualTo(Kind.AUTO_REPLY);
  }

  @Test
  void aPersonWritingAboutAFailedDeliveryIsNotABounce() {
    Classification c =
        classify(
            TestMail.reply(
                "",
                "Re: Coffee?",
                "Sorry, your first mail could not be delivered, my mailbox was full. Error 550 5.2.2 it said. Happy to talk!"));
    assertThat(c.kind()).isEqualTo(Kind.HUMAN_REPLY);
  }

  @Test
  void aPostmasterWritingWithoutAnyFailureIsNotABounce() {
    Classification c =
        classify(
            """
        From: Postmaster <postmaster@example.com>
        Subject: Re: Coffee?

        Happy to talk next week.
        """);
    assertThat(c.kind()).isEqualTo(Kind.HUMAN_REPLY);
  }
}
