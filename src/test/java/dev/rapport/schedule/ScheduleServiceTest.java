package dev.rapport.schedule;

import static dev.rapport.schedule.ScheduleFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleServiceTest {
  static final Duration WEEK = Duration.ofDays(7);

  @TempDir Path dir;
  ScheduleFixture f;
  long ada;

  @BeforeEach
  void setUp() {
    // Monday 2 March 2026, 10:00 in Berlin.
    f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"));
    ada = f.contact("Ada Lovelace", "ada@example.net");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Nested
  class FollowUps {
    @Test
    void aNudgeIsDraftedAfterTheWaitAndNotBefore() {
      Instant sent = f.clock.instant();
      f.sentOutreach(ada);
      assertThat(f.service().next(ada))
          .hasValueSatisfying(
              n -> {
                assertThat(n.action()).isEqualTo(Action.FOLLOW_UP);
                assertThat(n.at()).isEqualTo(sent.plus(WEEK));
              });
      f.clock.set(sent.plus(WEEK).minusSeconds(1));
      assertThat(f.service().runDue().total()).isZero();
      assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).isEmpty();

      f.clock.set(sent.plus(WEEK));
      RunSummary r = f.service().runDue();
      assertThat(r.count(Action.FOLLOW_UP)).isEqualTo(1);
      List<Long> nudges = f.drafts(ada, DraftKind.FOLLOW_UP);
      assertThat(nudges).hasSize(1);
      assertThat(f.status(nudges.get(0))).isEqualTo("PENDING");
      assertThat(f.reason(nudges.get(0)))
          .as("the review page's 'why', in plain words")
          .isEqualTo("Follow-up 1 of 2: no answer 7 days after the last message.");
      assertThat(f.service().next(ada)).as("nothing while the nudge waits for review").isEmpty();
    }

    @Test
    void runningTwiceDraftsOneNudge() {
      f.sentOutreach(ada);
      f.clock.advance(WEEK.plusHours(1));
      f.service().runDue();
      f.service().runDue();
      f.clock.advance(Duration.ofDays(30));
      f.service().runDue();
      assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).hasSize(1);
    }

    @Test
    void twoRunsAtOnceDraftOneNudge() throws Exception {
      f.sentOutreach(ada);
      f.clock.advance(WEEK);
      ScheduleService daemon = f.service();
      ScheduleService sync = f.service();
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.ExecutorService two =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var a =
            two.submit(
                () -> {
                  start.await();
                  return daemon.runDue();
                });
        var b =
            two.submit(
                () -> {
                  start.await();
                  return sync.runDue();
                });
        int done = a.get().count(Action.FOLLOW_UP) + b.get().count(Action.FOLLOW_UP);
        assertThat(done).isEqualTo(1);
      } finally {
        two.shutdownNow();
      }
      assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).hasSize(1);
    }

    @Test
    void aReplyBeforeTheWaitMeansNoNudge() {
      f.sentOutreach(ada);
      f.clock.advance(Duration.ofDays(3));
      f.reply(ada);
      assertThat(f.service().next(ada)).isEmpty();
      f.clock.advance(Duration.ofDays(30));
      assertThat(f.service().runDue().total()).isZero();
      assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).isEmpty();
      assertThat(f.stage(ada)).isEqualTo(Stage.REPLIED);
    }

    @Test
    void aReplyMovedByHandBackToContactedStillStopsTheNudge() {
      f.sentOutreach(ada);
      f.clock.advance(Duration.ofDays(1));
      f.reply(ada);
      f.contacts.moveManually(ada, Stage.CONTACTED, "oops");
      f.clock.advance(WEEK);
      f.service().runDue();
      assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).isEmpty();
    }

    @Test
    void nudgesWaitWhileTheInboxHasNotBeenRead() {
      f.sentOutreach(ada);
      f.clock.advance(WEEK);
      f.inboxRead = false;
      RunSummary held = f.service().runDue();
      assertThat(held.held()).isEqualTo(1);
      assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).isEmpty();
      f.inboxRead = true;
      assertThat(f.service().runDue().count(Action.FOLLOW_UP)).isEqualTo(1);
    }

    @Test
    void afterTheLastNudgeAndOneMoreWaitTheContactIsNoResponse() {
      f.sentOutreach(ada);
      for (int i = 1; i <= 2; i++) {
        f.clock.advance(WEEK);
        f.service().runDue();
        List<Long> nudges = f.drafts(ada, DraftKind.FOLLOW_UP);
        assertThat(nudges).hasSize(i);
        f.send(nudges.get(i - 1));
      }
      assertThat(f.stage(ada)).isEqualTo(Stage.FOLLOWED_UP);
      assertThat(f.service().next(ada).orElseThrow().action()).isEqualTo(Action.NO_RESPONSE);
      f.clock.advance(WEEK.minusSeconds(1));
      f.service().runDue();
      assertThat(f.stage(ada)).isEqualTo(Stage.FOLLOWED_UP);
      f.clock.advance(Duration.ofSeconds(1));
      assertThat(f.service().runDue().count(Action.NO_RESPONSE)).isEqualTo(1);
      assertThat(f.stage(ada)).isEqualTo(Stage.NO_RESPONSE);
      assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).hasSize(2);
      assertThat(f.service().next(ada)).isEmpty();
    }

    @Test
    void anAutoReplyWithAReturnDateMovesTheNudgeToTheNextWorkingDayAfterIt() {
      f.sentOutreach(ada);
      f.clock.advance(Duration.ofMinutes(5));
      // Back on Friday 13 March: the next working day after it is Monday 16 March.
      f.autoReply(ada, LocalDate.of(2026, 3, 13));
      Instant monday = berlin("2026-03-16T09:00");
      assertThat(f.service().next(ada).orElseThrow().at()).isEqualTo(monday);
      f.clock.set(monday.minusSeconds(1));
      f.service().runDue();
      assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).isEmpty();
      f.clock.set(monday);
      f.service().runDue();
      assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).hasSize(1);
    }

    @Test
    void aReturnDateOnTheWeekendClocksSpringForwardGivesMondayMorningSummerTime() {
      f.clock.set(berlin("2026-03-20T10:00"));
      f.sentOutreach(ada);
      f.autoReply(ada, LocalDate.of(2026, 3, 28)); // Saturday; Sunday 29 March is the change
      assertThat(f.service().next(ada).orElseThrow().at())
          .isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void anAutoReplyWithAnEarlierReturnDateKeepsTheUsualWait() {
      Instant sent = f.clock.instant();
      f.sentOutreach(ada);
      f.autoReply(ada, LocalDate.of(2026, 3, 3));
      assertThat(f.service().next(ada).orElseThrow().at()).isEqualTo(sent.plus(WEEK));
    }

    @Test
    void anAutoReplyWithoutADateMovesTheNudgeByTheWait() {
      Instant sent = f.clock.instant();
      f.sentOutreach(ada);
      f.clock.advance(Duration.ofMinutes(1));
      f.autoReply(ada, null);
      assertThat(f.service().next(ada).orElseThrow().at()).isEqualTo(sent.plus(WEEK).plus(WEEK));
      f.clock.set(sent.plus(WEEK).plus(WEEK).minusSeconds(1));
      f.service().runDue();
      assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).isEmpty();
    }

    @Test
    void afterAStopOfWeeksTheOverdueNudgeIsDraftedOnce() {
      f.sentOutreach(ada);
      f.clock.advance(Duration.ofDays(60));
      RunSummary r = f.service().runDue();
      assertThat(r.total()).isEqualTo(1);
      assertThat(f.drafts(ada, DraftKind.FOLLOW_UP)).hasSize(1);
      assertThat(f.stage(ada)).isEqualTo(Stage.CONTACTED);
      assertThat(f.service().runDue().total()).isZero();
    }

    @Test
    void overdueActionsRunInDueOrder() {
      long bob = f.contact("Bob Byte", "bob@example.net");
      f.sentOutreach(bob);
      f.clock.advance(Duration.ofHours(1));
      f.sentOutreach(ada);
      f.clock.advance(Duration.ofDays(40));
      f.service().runDue();
      long bobNudge = f.drafts(bob, DraftKind.FOLLOW_UP).get(0);
      long adaNudge = f.drafts(ada, DraftKind.FOLLOW_UP).get(0);
      assertThat(bobNudge).isLessThan(adaNudge);
    }
  }

  @Nested
  class ThankYou {
    @Test
    void aThankYouIsDraftedAtOnceThenRemindedUntilSent() {
      Instant done = f.clock.instant();
      f.interviewed(ada);
      assertThat(f.service().runDue().count(Action.THANK_YOU)).isEqualTo(1);
      List<Long> thanks = f.drafts(ada, DraftKind.THANK_YOU);
      assertThat(thanks).hasSize(1);
      assertThat(f.status(thanks.get(0))).isEqualTo("PENDING");

      NextAction reminder = f.service().next(ada).orElseThrow();
      assertThat(reminder.action()).isEqualTo(Action.THANK_YOU_REMINDER);
      assertThat(reminder.at()).isEqualTo(done.plus(Duration.ofHours(24)));
      f.clock.set(reminder.at());
      assertThat(f.service().runDue().count(Action.THANK_YOU_REMINDER)).isEqualTo(1);
      assertThat(f.service().runDue().total()).isZero();
      assertThat(reminders()).isEqualTo(1);

      assertThat(f.service().next(ada).orElseThrow().at())
          .as("the next when it is due")
          .isEqualTo(done.plus(Duration.ofHours(48)));
      f.clock.set(done.plus(Duration.ofDays(20)));
      assertThat(f.service().runDue().count(Action.THANK_YOU_REMINDER))
          .as("one reminder after a long stop, not a burst")
          .isEqualTo(1);
      assertThat(reminders()).isEqualTo(2);

      f.send(thanks.get(0));
      assertThat(f.stage(ada)).isEqualTo(Stage.THANKED);
      assertThat(f.drafts(ada, DraftKind.THANK_YOU)).hasSize(1);
      assertThat(f.service().next(ada).orElseThrow().action()).isEqualTo(Action.KEEP_IN_TOUCH);
    }

    private long reminders() {
      return f.count("SELECT COUNT(*) FROM event WHERE contact_id = ? AND type = 'REMINDER'", ada);
    }
  }

  @Nested
  class KeepInTouch {
    @Test
    void aNoteIsDraftedInsideTheWindowAndAnExchangeRestartsTheClock() {
      f.interviewed(ada);
      f.service().runDue();
      f.send(f.drafts(ada, DraftKind.THANK_YOU).get(0));
      Instant thanked = f.clock.instant();

      Instant at = f.service().next(ada).orElseThrow().at();
      assertThat(at)
          .isBetween(thanked.plus(Duration.ofDays(90)), thanked.plus(Duration.ofDays(180)));
      assertThat(f.service().next(ada).orElseThrow().at())
          .as("the same when asked again")
          .isEqualTo(at);

      f.clock.set(thanked.plus(Duration.ofDays(30)));
      f.reply(ada);
      Instant replied = f.clock.instant();
      Instant moved = f.service().next(ada).orElseThrow().at();
      assertThat(moved)
          .isBetween(replied.plus(Duration.ofDays(90)), replied.plus(Duration.ofDays(180)));

      f.clock.set(moved.minusSeconds(1));
      f.service().runDue();
      assertThat(f.drafts(ada, DraftKind.KEEP_IN_TOUCH)).isEmpty();
      f.clock.set(moved);
      assertThat(f.service().runDue().count(Action.KEEP_IN_TOUCH)).isEqualTo(1);
      long note = f.drafts(ada, DraftKind.KEEP_IN_TOUCH).get(0);
      assertThat(f.service().next(ada)).as("nothing while it waits for review").isEmpty();

      f.send(note);
      assertThat(f.stage(ada)).isEqualTo(Stage.KEEPING_IN_TOUCH);
      Instant next = f.service().next(ada).orElseThrow().at();
      assertThat(next).isBetween(moved.plus(Duration.ofDays(90)), moved.plus(Duration.ofDays(180)));
    }

    @Test
    void aRejectedNoteClosesItsRound() {
      f.interviewed(ada);
      f.service().runDue();
      f.send(f.drafts(ada, DraftKind.THANK_YOU).get(0));
      f.clock.advance(Duration.ofDays(181));
      f.service().runDue();
      long note = f.drafts(ada, DraftKind.KEEP_IN_TOUCH).get(0);
      f.reject(note);
      f.service().runDue();
      assertThat(f.drafts(ada, DraftKind.KEEP_IN_TOUCH)).hasSize(1);
      assertThat(f.service().next(ada).orElseThrow().at())
          .isAfter(f.clock.instant().plus(Duration.ofDays(89)));
    }
  }

  @Nested
  class Failures {
    @Test
    void aFailingActionIsRecordedRetriedWithBackoffAndClearedOnSuccess() throws Exception {
      Path template = f.templates.resolve("follow-up.ftl");
      String text = Files.readString(template);
      Files.writeString(template, "Subject: x\n\n${undefined.variable}");
      f.sentOutreach(ada);
      f.clock.advance(WEEK);

      RunSummary failed = f.service().runDue();
      assertThat(failed.failed()).containsExactly("FOLLOW_UP:" + ada);
      List<FailureStore.Failure> recorded = f.service().failures();
      assertThat(recorded).hasSize(1);
      assertThat(recorded.get(0).attempts()).isEqualTo(1);
      assertThat(recorded.get(0).lastError()).contains("follow-up");
      assertThat(f.service().nextWake()).hasValue(f.clock.instant().plus(Duration.ofMinutes(1)));

      f.clock.advance(Duration.ofSeconds(30));
      f.service().runDue();
      assertThat(f.service().failures().get(0).attempts()).as("not before the pause").isEqualTo(1);
      f.clock.advance(Duration.ofSeconds(30));
      f.service().runDue();
      assertThat(f.service().failures().get(0).attempts()).isEqualTo(2);
      assertThat(f.service().failures().get(0).nextAttemptAt())
          .isEqualTo(f.clock.instant().plus(Duration.ofMinutes(2)));

      Files.writeString(template, text);
      f.clock.advance(Duration.ofMinutes(2));
      assertThat(f.service().runDue().count(Action.FOLLOW_UP)).isEqualTo(1);
      assertThat(f.service().failures()).isEmpty();
    }
  }
}
