package dev.rapport.schedule;

import static dev.rapport.schedule.ScheduleFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftKind;
import dev.rapport.stats.Stats;
import dev.rapport.stats.StatsService;
import dev.rapport.store.Sql;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner and the statistics read what happened from columns: rewording every sentence on every
 * timeline changes neither what is planned nor what is counted.
 */
class TimelineTextIsForPeopleTest {
  @TempDir Path dir;
  ScheduleFixture f;
  long dee;
  long ada;
  long gil;

  @BeforeEach
  void setUp() {
    f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"));
    // Dee was interviewed: her thank-you is drafted and a reminder about it given.
    dee = f.contact("Dee", "dee@example.net");
    f.sentOutreach(dee);
    f.reply(dee);
    f.interviewed(dee);
    // Ada offered an introduction to Joan; the nudge about it was drafted and rejected.
    ada = f.contact("Ada Lovelace", "ada@example.net");
    long joan = f.contact("Joan Clarke", "joan@example.org");
    f.contacts.moveManually(ada, Stage.THANKED, "interviewed and thanked");
    f.referral(ada, joan, true);
    // Gil has an interview booked in two days, with its prep reminder due tomorrow.
    gil = f.contact("Gil", "gil@example.net");
    f.contacts.moveManually(gil, Stage.SCHEDULED, "booked");
    f.scheduledInterview(gil, f.clock.instant().plus(Duration.ofDays(2)), "video call");

    f.service().runDue();
    f.clock.advance(Duration.ofDays(6));
    f.service().runDue();
    assertThat(f.drafts(dee, DraftKind.THANK_YOU)).hasSize(1);
    assertThat(f.events(dee, "REMINDER")).isNotEmpty();
    assertThat(f.events(gil, "REMINDER")).as("the prep reminder").isNotEmpty();
    assertThat(f.drafts(ada, DraftKind.REFERRAL_NUDGE)).hasSize(1);
    f.reject(f.drafts(ada, DraftKind.REFERRAL_NUDGE).get(0));
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void rewordingEveryEventChangesNoFactTheSchedulerReads() {
    FactsStore store = new FactsStore();
    List<ContactFacts> before = f.db.read(store::loadAll);
    ContactFacts deeBefore = f.db.read(c -> store.load(c, dee)).orElseThrow();
    assertThat(deeBefore.interviewedAt()).isNotNull();
    assertThat(deeBefore.thankYouId()).isNotNull();
    assertThat(deeBefore.reminders()).isPositive();
    assertThat(f.db.read(c -> store.load(c, ada)).orElseThrow().referrals())
        .singleElement()
        .satisfies(r -> assertThat(r.nudged()).isTrue());
    assertThat(f.db.read(c -> store.load(c, gil)).orElseThrow().interview().lastPrepAt())
        .isNotNull();

    reword();

    assertThat(f.db.read(store::loadAll)).isEqualTo(before);
    ContactFacts deeAfter = f.db.read(c -> store.load(c, dee)).orElseThrow();
    assertThat(deeAfter).isEqualTo(deeBefore);
    f.service().runDue();
    assertThat(f.drafts(dee, DraftKind.THANK_YOU)).as("no second thank-you").hasSize(1);
    assertThat(f.drafts(ada, DraftKind.REFERRAL_NUDGE)).as("no second nudge").hasSize(1);
  }

  @Test
  void rewordingEveryEventChangesNoStatistic() {
    StatsService stats = new StatsService(f.db, f.clock, ScheduleFixture.BERLIN, 5);
    // Hal replied, then was paused: only the REPLIED move on his timeline tells that he answered.
    long hal = f.contact("Hal", "hal@example.net");
    f.sentOutreach(hal);
    f.reply(hal);
    f.contacts.moveManually(hal, Stage.PAUSED, "on hold");
    Stats before = stats.compute();

    reword();

    assertThat(stats.compute()).isEqualTo(before);
    // The moves' columns are what counts: without them Hal's answer is gone from the figures.
    f.db.transaction(
        c -> Sql.update(c, "UPDATE event SET to_stage = NULL WHERE contact_id = ?", hal));
    assertThat(stats.compute().funnel().replied()).isLessThan(before.funnel().replied());
  }

  /** Every sentence on every timeline says something else now. */
  private void reword() {
    f.db.transaction(
        c -> Sql.update(c, "UPDATE event SET detail = 'Something happened (' || id || ')'"));
  }
}
