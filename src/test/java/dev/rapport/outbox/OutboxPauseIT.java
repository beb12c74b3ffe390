package dev.rapport.outbox;

import static dev.rapport.outbox.OutboxFixture.ME;
import static dev.rapport.outbox.OutboxFixture.PASSWORD;
import static dev.rapport.outbox.OutboxFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStatus;
import dev.rapport.pause.PauseService;
import dev.rapport.testing.RapportMail;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** While paused nothing goes out; after it, the backlog goes out spread over the window. */
class OutboxPauseIT {
  @RegisterExtension static final RapportMail mail = RapportMail.account(ME.email(), PASSWORD);

  @TempDir Path dir;
  OutboxFixture f;
  PauseService pauses;
  OutboxService outbox;

  @BeforeEach
  void setUp() {
    f = new OutboxFixture(dir, berlin("2026-11-23T10:00")); // a Monday
    pauses = new PauseService(f.db, f.clock, OutboxFixture.BERLIN);
    // 17 a day over 09:00-17:30: one every 30 minutes while a backlog goes out.
    outbox = f.service(OutboxFixture.office(17));
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  OutboxMail greenMail() {
    return OutboxFixture.mail(
        mail.getSmtp().getPort(), mail.getImap().getPort(), SentPolicy.sandbox());
  }

  int people;

  List<Long> approveFor(int n) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int p = people++;
      long contact = f.contact("Person " + p, "person" + p + "@example.net");
      ids.add(f.approved(contact, DraftKind.OUTREACH, "Hello " + p, "Hi"));
    }
    return ids;
  }

  long sentCount(List<Long> ids) {
    return ids.stream().filter(id -> f.status(id) == DraftStatus.SENT).count();
  }

  @Test
  void nothingGoesOutWhilePausedAndDraftsStayApproved() {
    pauses.pause(null, "moving house");
    List<Long> ids = approveFor(3);
    assertThat(outbox.hasWork()).isFalse();
    PassSummary s = outbox.sendDue(greenMail());
    assertThat(s.sent()).isZero();
    assertThat(s.waiting()).isEqualTo(3);
    assertThat(ids).allMatch(id -> f.status(id) == DraftStatus.APPROVED);
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aPauseWithAnEndDateEndsByItself() {
    pauses.pause(LocalDate.of(2026, 11, 25), null);
    List<Long> ids = approveFor(1);
    assertThat(outbox.sendDue(greenMail()).sent()).isZero();
    f.clock.set(berlin("2026-11-24T23:59"));
    assertThat(outbox.hasWork()).isFalse();
    f.clock.set(berlin("2026-11-25T09:00"));
    assertThat(outbox.hasWork()).isTrue();
    assertThat(outbox.sendDue(greenMail()).sent()).isEqualTo(1);
    assertThat(sentCount(ids)).isEqualTo(1);
  }

  @Test
  void afterResumeTheBacklogGoesOutOneEveryHalfHourNotInABurst() {
    pauses.pause(null, null);
    List<Long> ids = approveFor(3);
    f.clock.advance(Duration.ofDays(2));
    pauses.resume();

    PassSummary first = outbox.sendDue(greenMail());
    assertThat(first.sent()).isEqualTo(1);
    assertThat(first.waiting()).isEqualTo(2);
    assertThat(first.waitUntil()).contains(f.clock.instant().plus(Duration.ofMinutes(30)));
    assertThat(outbox.hasWork()).isFalse();

    f.clock.advance(Duration.ofMinutes(29));
    assertThat(outbox.sendDue(greenMail()).sent()).isZero();
    f.clock.advance(Duration.ofMinutes(1));
    assertThat(outbox.hasWork()).isTrue();
    assertThat(outbox.sendDue(greenMail()).sent()).isEqualTo(1);
    f.clock.advance(Duration.ofMinutes(30));
    assertThat(outbox.sendDue(greenMail()).sent()).isEqualTo(1);
    assertThat(sentCount(ids)).isEqualTo(3);

    // The backlog is gone: a new approval goes out at once, and a batch together, as usual.
    List<Long> fresh = approveFor(2);
    assertThat(outbox.sendDue(greenMail()).sent()).isEqualTo(2);
    assertThat(sentCount(fresh)).isEqualTo(2);
  }

  @Test
  void withoutAPauseABatchGoesOutTogether() {
    List<Long> ids = approveFor(3);
    assertThat(outbox.sendDue(greenMail()).sent()).isEqualTo(3);
    assertThat(sentCount(ids)).isEqualTo(3);
  }
}
