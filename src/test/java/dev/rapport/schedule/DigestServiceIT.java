package dev.rapport.schedule;

import static dev.rapport.schedule.ScheduleFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.draft.DraftKind;
import dev.rapport.mail.MailAccounts;
import dev.rapport.outbox.OutboxException;
import dev.rapport.outbox.OutboxMail;
import dev.rapport.outbox.SelfMail;
import dev.rapport.outbox.SentPolicy;
import dev.rapport.testing.RapportMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The morning digest against a real GreenMail server. */
class DigestServiceIT {
  static final String PASSWORD = "digest-pw";

  @RegisterExtension
  static final RapportMail mail = RapportMail.account(ScheduleFixture.ME.email(), PASSWORD);

  @TempDir Path dir;
  ScheduleFixture f;

  @AfterEach
  void tearDown() {
    if (f != null) f.close();
  }

  SelfMail selfMail(int smtpPort) {
    String me = ScheduleFixture.ME.email();
    return new SelfMail(
        new OutboxMail(
            MailAccounts.sandbox(smtpPort, me, () -> PASSWORD),
            MailAccounts.sandbox(mail.getImap().getPort(), me, () -> PASSWORD),
            new SentPolicy(SentPolicy.Mode.NONE, null),
            Duration.ofSeconds(10)),
        ScheduleFixture.ME);
  }

  ScheduleService service() {
    return f.service(() -> selfMail(mail.getSmtp().getPort()));
  }

  @Test
  void withNothingToSayNoDigestIsSentAndTheDayIsDone() {
    f = new ScheduleFixture(dir, berlin("2026-03-02T07:59"));
    assertThat(service().runDue().digest()).isEmpty();
    f.clock.set(berlin("2026-03-02T08:00"));
    assertThat(service().runDue().digest()).hasValue("digest: nothing to say");
    assertThat(service().runDue().digest()).isEmpty();
    assertThat(mail.getReceivedMessages()).isEmpty();
    assertThat(service().nextDigest()).hasValue(berlin("2026-03-03T08:00"));
  }

  @Test
  void theDigestSaysWhatWaitsForTheUserOncePerDay() throws Exception {
    f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"));
    long ada = f.contact("Ada Lovelace", "ada@example.net");
    long bob = f.contact("Bob Byte", "bob@example.net");
    long cyd = f.contact("Cyd Charisse", "cyd@example.net");
    f.sentOutreach(ada);
    f.insertDraft(bob, DraftKind.OUTREACH, "APPROVED");
    f.interviewed(cyd);
    f.db.transaction(
        c -> {
          f.contacts.record(
              c, ada, EventType.AUTO_REPLY, "Automatic reply: out of office", Link.contact(ada));
          f.contacts.record(
              c,
              bob,
              EventType.UNVERIFIED_REPORT,
              "\"Undelivered\" looks like a bounce, but it does not refer to anything rapport sent",
              Link.contact(bob));
          return null;
        });
    f.clock.set(berlin("2026-03-03T08:00"));

    assertThat(service().runDue().digest()).hasValue("digest sent");
    assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage m = mail.getReceivedMessages()[0];
    assertThat(m.getAllRecipients()[0].toString()).contains(ScheduleFixture.ME.email());
    assertThat(m.getSubject()).startsWith("rapport: ").contains("1 draft(s) to review");
    String body = GreenMailUtil.getBody(m).replace("=\r\n", "").replace("\r\n", "\n");
    assertThat(body)
        .contains("Drafts waiting for your review (1):")
        .contains("THANK_YOU to Cyd Charisse")
        .contains("rapport drafts approve ID")
        .contains("on the dashboard while rapport runs: http://127.0.0.1:7077/")
        .contains("Thank-yous due:")
        .contains("Cyd Charisse: due by")
        .contains("Approved and waiting for the sending window or the day's cap: 1")
        .contains("Ada Lovelace: auto-reply")
        .contains("Bob Byte: not acted on, please judge")
        .contains("\"Undelivered\" looks like a bounce")
        .contains("This week: 1 new outreach sent of your goal of 5.");

    f.clock.advance(Duration.ofHours(3));
    assertThat(service().runDue().digest()).as("once a day").isEmpty();
    assertThat(mail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void anInterviewTodayIsWorthADigestWithItsPrepAndTheSuggestionsCount() throws Exception {
    f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"));
    long ada = f.contact("Ada Lovelace", "ada@example.net");
    f.scheduledInterview(ada, berlin("2026-03-03T11:00"), "Café Einstein");
    f.suggestions = () -> 3;
    f.clock.set(berlin("2026-03-03T08:00"));

    assertThat(service().runDue().digest()).hasValue("digest sent");
    assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage m = mail.getReceivedMessages()[0];
    assertThat(m.getSubject()).isEqualTo("rapport: 1 interview(s) today");
    String body = GreenMailUtil.getBody(m).replace("=\r\n", "").replace("\r\n", "\n");
    assertThat(body)
        .contains("Interviews today:")
        .contains("Ada Lovelace")
        .contains("Your questions:")
        .contains("3 people you could write to this week: 'rapport next'.");
  }

  @Test
  void aDigestThatCouldNotBeSentIsRetriedAndShownAsAFailure() {
    f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"));
    f.insertDraft(f.contact("Ada Lovelace", "ada@example.net"), DraftKind.OUTREACH, "PENDING");
    f.clock.set(berlin("2026-03-03T08:00"));
    int closed = dev.rapport.daemon.ProcessesFreePort.port();
    ScheduleService broken = f.service(() -> selfMail(closed));
    RunSummary r = broken.runDue();
    assertThat(r.failed()).containsExactly("DIGEST");
    assertThat(broken.failures()).hasSize(1);
    assertThat(mail.getReceivedMessages()).isEmpty();

    f.clock.advance(Duration.ofMinutes(1));
    assertThat(service().runDue().digest()).hasValue("digest sent");
    assertThat(service().failures()).isEmpty();
    assertThat(mail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void afterAStopOnlyTodaysDigestGoesOut() {
    f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"));
    f.insertDraft(f.contact("Ada Lovelace", "ada@example.net"), DraftKind.OUTREACH, "PENDING");
    f.clock.set(berlin("2026-03-20T09:30"));
    assertThat(service().runDue().digest()).hasValue("digest sent");
    assertThat(service().runDue().digest()).isEmpty();
    assertThat(mail.getReceivedMessages()).hasSize(1);
    assertThat(new DigestService(f.db, f.config, f.prep(), () -> null, f.clock).history())
        .containsExactly("2026-03-20 SENT");
  }

  @Test
  void onTheDayClocksSpringForwardOneDigestGoesOutAtEightLocal() {
    f = new ScheduleFixture(dir, berlin("2026-03-28T10:00"));
    f.insertDraft(f.contact("Ada Lovelace", "ada@example.net"), DraftKind.OUTREACH, "PENDING");
    assertThat(service().nextDigest())
        .as("today's, overdue: due now")
        .hasValue(Instant.parse("2026-03-28T07:00:00Z"));
    assertThat(service().runDue().digest()).hasValue("digest sent");
    assertThat(service().nextDigest()).hasValue(Instant.parse("2026-03-29T06:00:00Z"));
    f.clock.set(Instant.parse("2026-03-29T05:59:59Z"));
    assertThat(service().runDue().digest()).isEmpty();
    f.clock.set(Instant.parse("2026-03-29T06:00:00Z"));
    assertThat(service().runDue().digest()).hasValue("digest sent");
    f.clock.set(Instant.parse("2026-03-29T07:00:00Z"));
    assertThat(service().runDue().digest()).isEmpty();
    assertThat(service().nextDigest()).hasValue(Instant.parse("2026-03-30T06:00:00Z"));
    assertThat(Optional.of(mail.getReceivedMessages().length)).hasValue(2);
  }

  @Test
  void selfMailRefusedByTheServerIsAnError() {
    f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"));
    assertThatThrownBy(
            () ->
                selfMail(dev.rapport.daemon.ProcessesFreePort.port())
                    .send("s", "b", f.clock.instant()))
        .isInstanceOf(OutboxException.class);
  }
}
