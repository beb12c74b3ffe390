package dev.rapport.schedule;

import static dev.rapport.schedule.ScheduleFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.Config;
import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gentle reminder to an interviewee whose offered introduction has not happened. */
class ReferralNudgeTest {
  static final Duration WAIT = Config.Cadence.DEFAULT_REFERRAL_NUDGE_AFTER;

  @TempDir Path dir;
  ScheduleFixture f;
  long ada;
  long joan;
  Instant notes;

  @BeforeEach
  void setUp() {
    // Monday 2 March 2026, 10:00 in Berlin: Ada was interviewed and thanked; her notes offer Joan.
    f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"));
    ada = f.contact("Ada Lovelace", "ada@example.net");
    joan = f.contact("Joan Clarke", "joan@example.org");
    f.contacts.moveManually(ada, Stage.THANKED, "interviewed and thanked");
    notes = f.clock.instant();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void aNudgeNamingTheReferredPersonIsDraftedAfterTheWaitAndNotBefore() {
    f.referral(ada, joan, true);
    assertThat(f.service().next(ada))
        .hasValueSatisfying(
            n -> {
              assertThat(n.action()).isEqualTo(Action.REFERRAL_NUDGE);
              assertThat(n.at()).isEqualTo(notes.plus(WAIT));
              assertThat(n.why()).contains("Joan Clarke");
            });
    f.clock.set(notes.plus(WAIT).minusSeconds(1));
    assertThat(f.service().runDue().count(Action.REFERRAL_NUDGE)).isZero();
    assertThat(f.drafts(ada, DraftKind.REFERRAL_NUDGE)).isEmpty();

    f.clock.set(notes.plus(WAIT));
    assertThat(f.service().runDue().count(Action.REFERRAL_NUDGE)).isEqualTo(1);
    List<Long> nudges = f.drafts(ada, DraftKind.REFERRAL_NUDGE);
    assertThat(nudges).hasSize(1);
    assertThat(f.status(nudges.get(0))).isEqualTo("PENDING");
    assertThat(f.body(nudges.get(0))).startsWith("Hi Ada,").contains("introduce me to Joan Clarke");
    assertThat(f.drafts(joan, DraftKind.REFERRAL_NUDGE)).as("never to the referred").isEmpty();
    assertThat(f.service().next(ada).map(NextAction::action))
        .as("nothing more about it")
        .isNotEqualTo(java.util.Optional.of(Action.REFERRAL_NUDGE));
  }

  @Test
  void theWaitIsTheCadenceSetting() {
    Config c = f.config;
    Config.Cadence k = c.cadence();
    Duration twoDays = Duration.ofDays(2);
    f.config =
        new Config(
            c.me(),
            c.mail(),
            new Config.Cadence(
                k.followUpAfter(),
                k.maxFollowUps(),
                k.thankYouWithin(),
                k.keepInTouchMin(),
                k.keepInTouchMax(),
                k.thankYouCard(),
                twoDays),
            c.pacing(),
            c.digest(),
            c.templates(),
            c.dashboard(),
            c.source());
    f.referral(ada, joan, true);
    assertThat(f.service().next(ada))
        .hasValueSatisfying(
            n -> {
              assertThat(n.action()).isEqualTo(Action.REFERRAL_NUDGE);
              assertThat(n.at()).isEqualTo(notes.plus(twoDays));
              assertThat(n.why()).contains("after 2 days");
            });
    f.clock.set(notes.plus(twoDays).minusSeconds(1));
    assertThat(f.service().runDue().count(Action.REFERRAL_NUDGE)).isZero();
    f.clock.set(notes.plus(twoDays));
    assertThat(f.service().runDue().count(Action.REFERRAL_NUDGE)).isEqualTo(1);
    assertThat(f.drafts(ada, DraftKind.REFERRAL_NUDGE)).hasSize(1);
  }

  @Test
  void noNudgeWhenNoIntroductionWasOffered() {
    f.referral(ada, joan, false);
    f.clock.advance(WAIT.multipliedBy(3));
    f.service().runDue();
    assertThat(f.drafts(ada, DraftKind.REFERRAL_NUDGE)).isEmpty();
  }

  @Test
  void noNudgeWhenTheReferredPersonWasAlreadyWrittenTo() {
    f.referral(ada, joan, true);
    f.clock.advance(Duration.ofDays(2));
    f.sentOutreach(joan);
    f.clock.advance(WAIT);
    f.service().runDue();
    assertThat(f.drafts(ada, DraftKind.REFERRAL_NUDGE)).isEmpty();
  }

  @Test
  void noNudgeWhenTheReferredPersonHasMovedPastNew() {
    f.referral(ada, joan, true);
    f.clock.advance(Duration.ofDays(1));
    // Joan wrote first, after Ada's introduction: she is past NEW without any mail from us.
    f.contacts.moveManually(joan, Stage.REPLIED, "Joan wrote to me after Ada's email");
    f.clock.advance(WAIT);
    f.service().runDue();
    assertThat(f.drafts(ada, DraftKind.REFERRAL_NUDGE)).isEmpty();
  }

  @Test
  void oneNudgePerReferralEverAlsoWhenRejected() {
    f.referral(ada, joan, true);
    f.clock.advance(WAIT);
    f.service().runDue();
    f.service().runDue();
    List<Long> nudges = f.drafts(ada, DraftKind.REFERRAL_NUDGE);
    assertThat(nudges).hasSize(1);
    f.reject(nudges.get(0));
    f.clock.advance(Duration.ofDays(60));
    f.service().runDue();
    assertThat(f.drafts(ada, DraftKind.REFERRAL_NUDGE)).hasSize(1);
  }

  @Test
  void aSecondIntroductionWaitsUntilTheFirstNudgeIsReviewed() {
    long alan = f.contact("Alan Turing", "alan@example.org");
    f.referral(ada, joan, true);
    f.referral(ada, alan, true);
    f.clock.advance(WAIT);
    assertThat(f.service().runDue().count(Action.REFERRAL_NUDGE)).isEqualTo(1);
    List<Long> nudges = f.drafts(ada, DraftKind.REFERRAL_NUDGE);
    assertThat(f.body(nudges.get(0))).contains("Joan Clarke");
    f.service().runDue();
    assertThat(f.drafts(ada, DraftKind.REFERRAL_NUDGE)).as("one waiting at a time").hasSize(1);

    f.reject(nudges.get(0));
    f.service().runDue();
    nudges = f.drafts(ada, DraftKind.REFERRAL_NUDGE);
    assertThat(nudges).hasSize(2);
    assertThat(f.body(nudges.get(1))).contains("Alan Turing");
  }

  @ParameterizedTest
  @EnumSource(
      value = Stage.class,
      names = {"BOUNCED", "PAUSED", "DECLINED"})
  void neverToAnIntervieweeWhoBouncedPausedOrDeclined(Stage stage) {
    f.referral(ada, joan, true);
    f.contacts.moveManually(ada, stage, "by hand");
    f.clock.advance(WAIT.multipliedBy(2));
    f.service().runDue();
    assertThat(f.service().next(ada)).isEmpty();
    assertThat(f.drafts(ada, DraftKind.REFERRAL_NUDGE)).isEmpty();
  }

  @Test
  void likeKeepInTouchItIsDraftedForReviewWhileRapportIsPaused() {
    f.referral(ada, joan, true);
    new dev.rapport.pause.PauseService(f.db, f.clock, ScheduleFixture.BERLIN)
        .pause(null, "holiday");
    f.clock.advance(WAIT);
    f.service().runDue();
    assertThat(f.drafts(ada, DraftKind.REFERRAL_NUDGE)).hasSize(1);
  }
}
