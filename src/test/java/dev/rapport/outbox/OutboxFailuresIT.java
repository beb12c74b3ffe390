package dev.rapport.outbox;

import static dev.rapport.outbox.OutboxFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.contact.EventType;
import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SMTP server says, or fails to say, decides a draft's fate: a scripted server on
 * 127.0.0.1.
 */
class OutboxFailuresIT {
  @TempDir Path dir;
  OutboxFixture f;
  ScriptedSmtpServer smtp;
  OutboxService outbox;
  long ada;
  long bob;

  @BeforeEach
  void setUp() throws Exception {
    f = new OutboxFixture(dir, berlin("2026-11-23T10:00"));
    smtp = new ScriptedSmtpServer();
    outbox = f.service(OutboxFixture.always());
    ada = f.contact("Ada", "ada@example.net");
    bob = f.contact("Bob", "bob@example.net");
  }

  @AfterEach
  void tearDown() throws Exception {
    smtp.close();
    f.close();
  }

  /** The scripted server, no copies to Sent (so no IMAP), and a short read timeout. */
  OutboxMail route() {
    return OutboxFixture.mail(smtp.port(), 1, SentPolicy.fromConfig("none"))
        .withReadTimeout(Duration.ofMillis(800));
  }

  @Test
  void aBatchUsesOneConnection() {
    long cy = f.contact("Cy", "cy@example.net");
    f.approved(ada, DraftKind.OUTREACH, "1", "x");
    f.approved(bob, DraftKind.OUTREACH, "2", "x");
    f.approved(cy, DraftKind.OUTREACH, "3", "x");
    assertThat(outbox.sendDue(route()).sent()).isEqualTo(3);
    assertThat(smtp.messages).hasSize(3);
    assertThat(smtp.connections.get()).isEqualTo(1);
  }

  @Test
  void a4xxLeavesTheDraftApprovedWithBackoffAndItGoesWhenTheServerRecovers() {
    smtp.script(line -> line.startsWith("RCPT") ? "441 4.4.1 no answer from host" : null);
    long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "x");

    PassSummary first = outbox.sendDue(route());
    assertThat(first.retrying()).isEqualTo(1);
    assertThat(f.status(d)).isEqualTo(DraftStatus.APPROVED);
    assertThat(f.column(d, "attempts")).isEqualTo(1);
    assertThat((String) f.column(d, "last_error")).contains("441").contains("no answer");
    assertThat(((OffsetDateTime) f.column(d, "next_attempt_at")).toInstant())
        .isEqualTo(f.clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(f.events(ada, EventType.DRAFT_SEND_DEFERRED)).hasSize(1);

    smtp.script(line -> null);
    assertThat(outbox.sendDue(route()).sent()).as("not before its time").isZero();
    assertThat(smtp.messages).isEmpty();

    f.clock.advance(Duration.ofSeconds(61));
    assertThat(outbox.sendDue(route()).sent()).isEqualTo(1);
    assertThat(f.status(d)).isEqualTo(DraftStatus.SENT);
    assertThat(f.column(d, "attempts")).isEqualTo(2);
    assertThat(smtp.messages).hasSize(1);
  }

  @Test
  void a4xxAfterTheFinalDotIsRetriedToo() {
    smtp.script(
        line ->
            line.equals(".") && smtp.messages.size() == 1
                ? "452 4.3.1 insufficient storage"
                : null);
    long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "x");
    outbox.sendDue(route());
    assertThat(f.status(d)).isEqualTo(DraftStatus.APPROVED);
    assertThat((String) f.column(d, "last_error")).contains("452");
  }

  @Test
  void a5xxFailsThatDraftWithTheServersReasonAndTheBatchGoesOn() {
    smtp.script(
        line ->
            line.contains("ada@example.net")
                ? "550 5.1.1 <ada@example.net>: no such user here"
                : null);
    long bad = f.approved(ada, DraftKind.OUTREACH, "1", "x");
    long good = f.approved(bob, DraftKind.OUTREACH, "2", "x");

    PassSummary s = outbox.sendDue(route());

    assertThat(f.status(bad)).isEqualTo(DraftStatus.FAILED);
    assertThat((String) f.column(bad, "reason")).contains("550").contains("no such user here");
    assertThat(f.status(good)).isEqualTo(DraftStatus.SENT);
    assertThat(smtp.messages).hasSize(1);
    assertThat(smtp.connections.get()).as("the same connection after the refusal").isEqualTo(1);
    assertThat(s.failed()).singleElement().asString().contains("draft " + bad).contains("550");
    assertThat(f.stage(ada)).isEqualTo(Stage.NEW);
    assertThat(f.stage(bob)).isEqualTo(Stage.CONTACTED);
    assertThat(s.line(OutboxFixture.BERLIN)).startsWith("Sent 1; 1 failed (draft " + bad + ": 550");
  }

  @Test
  void aFailedDraftIsNeverRetriedByItselfButTheUserCanQueueItAgain() {
    smtp.script(line -> line.startsWith("RCPT") ? "550 5.7.1 relaying denied" : null);
    long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "x");
    outbox.sendDue(route());
    assertThat(f.status(d)).isEqualTo(DraftStatus.FAILED);
    String id = f.messageId(d);
    smtp.script(line -> null);
    f.clock.set(f.clock.instant().plus(Duration.ofDays(1)));
    assertThat(outbox.sendDue(route()).sent()).as("not by itself").isZero();

    assertThatThrownBy(() -> outbox.resolve(d, true))
        .hasMessageContaining("did not arrive")
        .hasMessageContaining("--resend");
    outbox.resolve(d, false);
    assertThat(f.status(d)).isEqualTo(DraftStatus.APPROVED);
    assertThat(f.events(ada, EventType.DRAFT_RESOLVED)).hasSize(1);
    assertThat(outbox.sendDue(route()).sent()).isEqualTo(1);
    assertThat(f.status(d)).isEqualTo(DraftStatus.SENT);
    assertThat(smtp.messages).hasSize(1);
    assertThat(f.messageId(d)).isEqualTo(id);
  }

  @Test
  void aTimeoutAfterTheFinalDotIsUncertainAndNeverResentByItself() throws Exception {
    smtp.script(line -> line.equals(".") ? ScriptedSmtpServer.STALL : null);
    long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "x");

    PassSummary s = outbox.sendDue(route());

    assertThat(s.uncertain()).isEqualTo(1);
    assertThat(f.status(d)).isEqualTo(DraftStatus.UNCERTAIN);
    assertThat(smtp.messages).hasSize(1);
    assertThat(f.events(ada, EventType.DRAFT_UNCERTAIN).get(0).detail())
        .contains("drafts resolve " + d);
    assertThat(f.stage(ada)).isEqualTo(Stage.NEW);

    smtp.script(line -> null);
    f.clock.advance(Duration.ofDays(1));
    outbox.reconcile(route());
    outbox.sendDue(route());
    assertThat(smtp.messages).hasSize(1);
    assertThat(f.status(d)).isEqualTo(DraftStatus.UNCERTAIN);
  }

  @Test
  void aTimeoutBeforeDataIsRetried() {
    smtp.script(
        line ->
            line.startsWith("MAIL") && smtp.connections.get() == 1
                ? ScriptedSmtpServer.STALL
                : null);
    long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "x");
    outbox.sendDue(route());
    assertThat(f.status(d)).isEqualTo(DraftStatus.APPROVED);
    assertThat((String) f.column(d, "last_error")).containsIgnoringCase("timed out");
    f.clock.advance(Duration.ofMinutes(2));
    outbox.sendDue(route());
    assertThat(f.status(d)).isEqualTo(DraftStatus.SENT);
    assertThat(smtp.messages).hasSize(1);
  }

  @Test
  void aRefusedConnectionRetriesAndTheRestOfTheBatchWaitsUntouched() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = s.getLocalPort();
    }
    long d1 = f.approved(ada, DraftKind.OUTREACH, "1", "x");
    long d2 = f.approved(bob, DraftKind.OUTREACH, "2", "x");
    PassSummary s = outbox.sendDue(OutboxFixture.mail(closed, 1, SentPolicy.fromConfig("none")));

    assertThat(s.unreachable()).get().asString().contains("refused the connection");
    assertThat(f.status(d1)).isEqualTo(DraftStatus.APPROVED);
    assertThat(f.column(d1, "attempts"))
        .as("the server's trouble spends none of the draft's attempts")
        .isEqualTo(0);
    assertThat(f.column(d2, "attempts")).isEqualTo(0);
    assertThat(f.events(ada, EventType.DRAFT_SEND_DEFERRED)).isEmpty();
    assertThat(outbox.hasWork()).as("the daemon waits a while before trying again").isFalse();
  }

  @Test
  void aServerDownForLongNeverTurnsApprovedDraftsFailed() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = s.getLocalPort();
    }
    long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "x");
    for (int i = 0; i < 3 * SendTransitions.MAX_ATTEMPTS; i++) {
      outbox.sendDue(OutboxFixture.mail(closed, 1, SentPolicy.fromConfig("none")));
      f.clock.advance(Duration.ofHours(2));
    }
    assertThat(f.status(d)).isEqualTo(DraftStatus.APPROVED);
    assertThat((String) f.column(d, "last_error")).contains("refused the connection");
  }

  @Test
  void afterTenTransientFailuresTheDraftFails() {
    smtp.script(line -> line.startsWith("MAIL") ? "441 4.4.1 no answer from host" : null);
    long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "x");
    for (int i = 0; i < SendTransitions.MAX_ATTEMPTS; i++) {
      outbox.sendDue(route());
      f.clock.advance(Duration.ofHours(2));
    }
    assertThat(f.status(d)).isEqualTo(DraftStatus.FAILED);
    assertThat((String) f.column(d, "reason"))
        .contains("gave up after 10 attempts")
        .contains("441");
  }

  @Test
  void throttlingIsBackedOffAndNeverCountedAsAFailedAttempt() {
    smtp.script(
        line -> line.startsWith("RCPT") ? "421 4.7.0 Try again later, closing connection." : null);
    long d = f.approved(ada, DraftKind.OUTREACH, "Hello", "x");
    long e = f.approved(bob, DraftKind.OUTREACH, "Hi", "x");
    PassSummary first = outbox.sendDue(route());
    assertThat(first.unreachable()).get().asString().contains("slow down").contains("421");
    assertThat(f.column(d, "attempts")).isEqualTo(0);
    assertThat(f.status(e)).as("the rest of the batch waits too").isEqualTo(DraftStatus.APPROVED);
    assertThat(f.events(ada, EventType.DRAFT_SEND_DEFERRED)).isEmpty();
    assertThat(outbox.hasWork()).as("the outbox backs off").isFalse();

    for (int i = 0; i < 3 * SendTransitions.MAX_ATTEMPTS; i++) {
      f.clock.advance(Duration.ofHours(2));
      outbox.sendDue(route());
    }
    assertThat(f.status(d)).isEqualTo(DraftStatus.APPROVED);
    assertThat(f.column(d, "attempts")).isEqualTo(0);

    smtp.script(line -> null);
    f.clock.advance(Duration.ofHours(2));
    assertThat(outbox.sendDue(route()).sent()).isEqualTo(2);
    assertThat(f.status(d)).isEqualTo(DraftStatus.SENT);
  }

  @Test
  void throttlingIsToldApartFromOtherTransientReplies() {
    assertThat(SmtpSession.throttling(421, "421 4.7.0 Try again later")).isTrue();
    assertThat(SmtpSession.throttling(452, "452 4.5.3 Your message has too many recipients"))
        .isTrue();
    assertThat(SmtpSession.throttling(451, "451 4.3.0 Mail server temporarily rejected message"))
        .isTrue();
    assertThat(SmtpSession.throttling(432, "432 4.3.2 sender thread limit exceeded; rate limit"))
        .isTrue();
    assertThat(SmtpSession.throttling(441, "441 4.4.1 no answer from host")).isFalse();
  }
}
