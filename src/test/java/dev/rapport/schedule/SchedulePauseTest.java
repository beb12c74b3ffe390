package dev.rapport.schedule;

import static dev.rapport.schedule.ScheduleFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftKind;
import dev.rapport.pause.Pause;
import dev.rapport.pause.PauseService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pause holds every new nudge, and afterwards the wait moves on by the time paused. */
class SchedulePauseTest {
  static final Duration WEEK = Duration.ofDays(7);

  @TempDir Path dir;
  ScheduleFixture f;
  PauseService pauses;
  long ada;

  @BeforeEach
  void setUp() {
    f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"));
    pauses = new PauseService(f.db, f.clock, ScheduleFixture.BERLIN);
    ada = f.contact("Ada Lovelace", "ada@example.net");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void noNudgeWhilePausedAndAfterResumeTheWaitMovesOnByThePause() {
    Instant sent = f.clock.instant();
    f.sentOutreach(ada);
    f.clock.set(sent.plus(Duration.ofDays(2)));
    pauses.pause(null, "two weeks away");

    // The nudge would be due after a week; paused, nothing is drafted, however late.
    f.clock.set(sent.plus(Duration.ofDays(16)));
    RunSummary r = f.service().runDue();
    assertThat(r.held()).isEqualTo(1);
    assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).isEmpty();

    pauses.resume(); // paused for 14 days
    Instant due = sent.plus(WEEK).plus(Duration.ofDays(14));
    assertThat(f.service().next(ada))
        .hasValueSatisfying(
            n -> {
              assertThat(n.action()).isEqualTo(Action.FOLLOW_UP);
              assertThat(n.at()).isEqualTo(due);
              assertThat(n.why()).contains("moved on by the time paused");
            });
    assertThat(f.service().runDue().total()).isZero();
    assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).isEmpty();
    f.clock.set(due);
    assertThat(f.service().runDue().count(Action.FOLLOW_UP)).isEqualTo(1);
    assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).hasSize(1);
  }

  @Test
  void nobodyBecomesNoResponseWhilePaused() {
    f.sentOutreach(ada);
    f.clock.advance(Duration.ofDays(1));
    pauses.pause(LocalDate.of(2026, 6, 1), null);
    f.clock.advance(Duration.ofDays(60));
    f.service().runDue();
    assertThat(f.stage(ada)).isEqualTo(Stage.CONTACTED);
    assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).isEmpty();
  }

  @Test
  void aPauseTheMovedWaitRunsIntoCountsToo() {
    Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
    Instant base = t0.plus(WEEK);
    // Paused days 2-4, then again days 8-11: the first moves the nudge to day 9, into the second.
    List<Pause> paused =
        List.of(
            new Pause(1, t0.plus(Duration.ofDays(2)), null, null, t0.plus(Duration.ofDays(4))),
            new Pause(2, t0.plus(Duration.ofDays(8)), null, null, t0.plus(Duration.ofDays(11))),
            new Pause(3, t0.plus(Duration.ofDays(30)), null, null, null));
    assertThat(Planner.afterPauses(t0, base, paused)).isEqualTo(t0.plus(Duration.ofDays(12)));
    assertThat(Planner.afterPauses(t0, base, List.of())).isEqualTo(base);
  }
}
