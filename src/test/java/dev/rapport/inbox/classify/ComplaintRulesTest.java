package dev.rapport.inbox.classify;

import static dev.rapport.inbox.classify.TestMail.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComplaintRulesTest {
  @Test
  void arfReportIsAComplaintNamingTheComplainerAndOurMessage() {
    Classification c =
        classify(
            """
        From: abuse@mailbox.example.net
        To: me@example.org
        Subject: Abuse report
        Auto-Submitted: auto-generated
        Content-Type: multipart/report; report-type=feedback-report; boundary="F"

        --F
        Content-Type: text/plain

        This is an email abuse report.
        --F
        Content-Type: message/feedback-report

        Feedback-Type: abuse
        User-Agent: SomeGenerator/1.0
        Version: 1
        Original-Rcpt-To: <bob@example.com>
        --F
        Content-Type: message/rfc822

        Message-ID: <outreach-1@example.org>
        From: me@example.org
        To: bob@example.com
        Subject: Coffee?

        Hello
        --F--
        """);
    assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
    assertThat(c.rule()).isEqualTo("feedback-report");
    assertThat(c.recipients()).containsExactly("bob@example.com");
    assertThat(c.originalMessageIds()).containsExactly("<outreach-1@example.org>");
    assertThat(c.detail()).isEqualTo("feedback type abuse");
  }

  @Test
  void aFeedbackReportPartInsideMixedMailIsAComplaintToo() {
    Classification c =
        classify(
            """
        From: fbl@isp.example.net
        Subject: Report
        Content-Type: multipart/mixed; boundary="F"

        --F
        Content-Type: message/feedback-report

        Feedback-Type: abuse
        --F--
        """);
    assertThat(c.kind()).isEqualTo(Kind.COMPLAINT);
  }

  @Test
  void anUnsubscribeRequestIsAComplaint() {
    Classification apple =
        classify(
            TestMail.reply(
                "X-Apple-Unsubscribe: true\nAuto-Submitted: auto-replied",
                "unsubscribe",
                "Apple Mail sent this email to unsubscribe."));
    assertThat(apple.kind()).isEqualTo(Kind.COMPLAINT);
    assertThat(apple.recipients()).containsExactly("ada@example.com");
    assertThat(classify(TestMail.reply("", "Unsubscribe", "")).kind()).isEqualTo(Kind.COMPLAINT);
  }

  @Test
  void aSubjectThatMerelyMentionsUnsubscribingIsAPerson() {
    assertThat(
            classify(
                    TestMail.reply(
                        "", "Re: how do I unsubscribe from newsletters?", "Ha, good question."))
                .kind())
        .isEqualTo(Kind.HUMAN_REPLY);
  }

  @Test
  void sesNotificationsAreReadFromTheirJson() {
    String template =
        """
        From: SES <no-reply@sns.amazonaws.com>
        Subject: AWS Notification Message
        Content-Type: text/plain; charset=UTF-8

        {
          "Type" : "Notification",
          "Message" : "{\\"notificationType\\":\\"%s\\",\\"bounce\\":{\\"bounceType\\":\\"%s\\",\\"bouncedRecipients\\":[{\\"emailAddress\\":\\"bob@example.com\\",\\"status\\":\\"%s\\"}]},\\"mail\\":{\\"headers\\":[{\\"name\\":\\"Message-ID\\",\\"value\\":\\"<outreach-1@example.org>\\"}]}}"
        }
        """;
    Classification hard = classify(template.formatted("Bounce", "Permanent", "5.1.1"));
    assertThat(hard.kind()).isEqualTo(Kind.BOUNCE_HARD);
    assertThat(hard.recipients()).containsExactly("bob@example.com");
    assertThat(hard.statusCodes()).containsExactly("5.1.1");
    assertThat(hard.originalMessageIds()).containsExactly("<outreach-1@example.org>");
    assertThat(classify(template.formatted("Bounce", "Transient", "4.4.7")).kind())
        .isEqualTo(Kind.BOUNCE_SOFT);
    assertThat(classify(template.formatted("Complaint", "", "")).kind()).isEqualTo(Kind.COMPLAINT);
  }
}
