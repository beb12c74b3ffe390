package dev.rapport.schedule;

import static dev.rapport.schedule.ScheduleFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keep-in-touch notes for contacts the user marked to keep, not only after an interview. */
class KeepInTouchMarkTest {
  static final Duration MIN = Duration.ofDays(90);
  static final Duration MAX = Duration.ofDays(180);

  @TempDir Path dir;
  ScheduleFixture f;
  long ada;

  @BeforeEach
  void setUp() {
    // Monday 2 March 2026, 10:00 in Berlin: Ada was written to and answered; no interview (yet).
    f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"));
    ada = f.contact("Ada Lovelace", "ada@example.net");
    f.sentOutreach(ada);
    f.clock.advance(Duration.ofDays(2));
    f.reply(ada);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void aMarkedContactWhoRepliedGetsANoteInsideTheWindowAfterTheLastExchange() {
    Instant replied = f.clock.instant();
    assertThat(f.stage(ada)).isEqualTo(Stage.REPLIED);
    f.contacts.keepInTouch(ada, true);

    NextAction next = f.service().next(ada).orElseThrow();
    assertThat(next.action()).isEqualTo(Action.KEEP_IN_TOUCH);
    assertThat(next.at()).isBetween(replied.plus(MIN), replied.plus(MAX));

    f.clock.set(next.at().minusSeconds(1));
    assertThat(f.service().runDue().count(Action.KEEP_IN_TOUCH)).isZero();
    f.clock.set(next.at());
    assertThat(f.service().runDue().count(Action.KEEP_IN_TOUCH)).isEqualTo(1);
    long note = f.drafts(ada, DraftKind.KEEP_IN_TOUCH).get(0);
    assertThat(f.status(note)).isEqualTo("PENDING");
    assertThat(f.service().next(ada)).as("nothing more while it waits for review").isEmpty();

    f.send(note);
    assertThat(f.stage(ada)).as("no interview: the stage stays").isEqualTo(Stage.REPLIED);
    Instant sent = f.clock.instant();
    assertThat(f.service().next(ada).orElseThrow().at())
        .as("the note sent is an exchange: a new round")
        .isBetween(sent.plus(MIN), sent.plus(MAX));
  }

  @Test
  void anExchangeRestartsTheClock() {
    f.contacts.keepInTouch(ada, true);
    Instant first = f.service().next(ada).orElseThrow().at();
    f.clock.advance(Duration.ofDays(30));
    f.reply(ada);
    Instant replied = f.clock.instant();
    Instant moved = f.service().next(ada).orElseThrow().at();
    assertThat(moved).isNotEqualTo(first).isBetween(replied.plus(MIN), replied.plus(MAX));
    f.clock.set(first.isBefore(moved) ? first : moved.minusSeconds(1));
    assertThat(f.service().runDue().count(Action.KEEP_IN_TOUCH)).isZero();
  }

  @Test
  void withoutTheMarkNothingIsPlannedAfterAReply() {
    assertThat(f.service().next(ada)).isEmpty();
    f.clock.advance(MAX.plusDays(1));
    assertThat(f.service().runDue().count(Action.KEEP_IN_TOUCH)).isZero();
    assertThat(f.drafts(ada, DraftKind.KEEP_IN_TOUCH)).isEmpty();
  }

  @Test
  void takingTheMarkAwayStopsNewNotesAndLeavesAWaitingOneForReview() {
    f.contacts.keepInTouch(ada, true);
    f.clock.advance(MAX.plusDays(1));
    assertThat(f.service().runDue().count(Action.KEEP_IN_TOUCH)).isEqualTo(1);
    long note = f.drafts(ada, DraftKind.KEEP_IN_TOUCH).get(0);

    f.contacts.keepInTouch(ada, false);
    assertThat(f.status(note)).isEqualTo("PENDING");
    f.reject(note);
    f.clock.advance(MAX.plusDays(1));
    assertThat(f.service().runDue().count(Action.KEEP_IN_TOUCH)).isZero();
    assertThat(f.service().next(ada)).isEmpty();
    assertThat(f.events(ada, "KEEP_IN_TOUCH_MARKED"))
        .containsExactly("marked to keep in touch with", "no longer marked to keep in touch with");
  }

  @Test
  void aMarkedContactWithAnInterviewBookedStaysInItsFlow() {
    f.contacts.keepInTouch(ada, true);
    long interview = f.scheduledInterview(ada, f.clock.instant().plus(MAX.multipliedBy(2)), "cafe");
    f.contacts.moveManually(ada, Stage.SCHEDULED, "booked");
    f.clock.advance(MAX.plusDays(1));
    assertThat(f.service().runDue().count(Action.KEEP_IN_TOUCH)).isZero();
    assertThat(f.service().next(ada).orElseThrow().action()).isEqualTo(Action.INTERVIEW_PREP);
    assertThat(interview).isPositive();
  }

  @ParameterizedTest
  @EnumSource(
      value = Stage.class,
      names = {"DECLINED", "BOUNCED", "PAUSED"})
  void neverToAMarkedContactWhoDeclinedBouncedOrPaused(Stage stage) {
    f.contacts.keepInTouch(ada, true);
    f.contacts.moveManually(ada, stage, "test");
    f.clock.advance(MAX.plusDays(1));
    assertThat(f.service().runDue().count(Action.KEEP_IN_TOUCH)).isZero();
    assertThat(f.service().next(ada)).isEmpty();
  }

  @Test
  void aMarkedContactWhoNeverAnsweredGetsNoNote() {
    long joan = f.contact("Joan Clarke", "joan@example.org");
    f.contacts.keepInTouch(joan, true);
    f.sentOutreach(joan);
    f.contacts.moveManually(joan, Stage.NO_RESPONSE, "no answer");
    f.clock.advance(MAX.plusDays(1));
    f.service().runDue();
    assertThat(f.drafts(joan, DraftKind.KEEP_IN_TOUCH)).isEmpty();
    assertThat(f.service().next(joan)).isEmpty();
  }

  @Test
  void aMarkedContactWhoAnsweredOnceAndThenWentQuietGetsANote() {
    f.contacts.keepInTouch(ada, true);
    f.sentOutreach(ada);
    f.contacts.moveManually(ada, Stage.NO_RESPONSE, "no answer to the second message");
    Instant sent = f.clock.instant();
    assertThat(f.service().next(ada).orElseThrow().at()).isBetween(sent.plus(MIN), sent.plus(MAX));
    f.clock.advance(MAX.plusDays(1));
    assertThat(f.service().runDue().count(Action.KEEP_IN_TOUCH)).isEqualTo(1);
  }
}
