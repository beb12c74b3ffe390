package dev.rapport.schedule;

import static dev.rapport.schedule.ScheduleFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.Config;
import dev.rapport.contact.NewContact;
import dev.rapport.contact.Stage;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REMINDER on the morning of an interview: when and where, questions, pitch, notes. */
class InterviewPrepTest {
  static final String PITCH = "Nurse of ten years, moving into health-data work.";

  @TempDir Path dir;
  ScheduleFixture f;
  long ada;

  @BeforeEach
  void setUp() {
    // Monday 2 March 2026, 10:00 in Berlin.
    f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"));
    Config c = f.config;
    f.config =
        new Config(
            new Config.Me(
                ScheduleFixture.ME.name(),
                ScheduleFixture.ME.email(),
                ScheduleFixture.ME.signature(),
                PITCH),
            c.mail(),
            c.cadence(),
            c.pacing(),
            c.digest(),
            c.templates(),
            c.dashboard(),
            c.source());
    ada =
        f.contacts
            .add(
                new NewContact(
                    "Ada Lovelace",
                    "ada@example.net",
                    null,
                    null,
                    2,
                    null,
                    null,
                    "met at the health-data meetup",
                    "test"))
            .id();
    f.contacts.note(ada, "Gave a talk on scheduling tools for night shifts");
    f.contacts.moveManually(ada, Stage.SCHEDULED, "booked");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void theReminderComesAtDigestTimeOnTheDayWithEverythingToPrepareOnce() {
    long interview =
        f.scheduledInterview(ada, berlin("2026-03-04T14:00"), "Café Einstein, Kurfürstenstraße");
    assertThat(f.service().next(ada))
        .hasValueSatisfying(
            n -> {
              assertThat(n.action()).isEqualTo(Action.INTERVIEW_PREP);
              assertThat(n.at()).isEqualTo(berlin("2026-03-04T08:00"));
            });
    f.clock.set(berlin("2026-03-04T07:59:59"));
    f.service().runDue();
    assertThat(f.events(ada, "REMINDER")).isEmpty();

    f.clock.set(berlin("2026-03-04T08:00"));
    assertThat(f.service().runDue().count(Action.INTERVIEW_PREP)).isEqualTo(1);
    assertThat(f.events(ada, "REMINDER"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .contains("Interview with Ada Lovelace on Wednesday 4 March, 14:00 (45 min)")
                    .contains("Café Einstein, Kurfürstenstraße")
                    .contains(
                        "  1. How did you get started in this work, and what did the path look like?")
                    .contains("  9. Who else would you suggest I talk to")
                    .contains("Your pitch: " + PITCH)
                    .contains("  - met at the health-data meetup")
                    .contains("  - Gave a talk on scheduling tools for night shifts"));
    assertThat(
            f.count(
                "SELECT COUNT(*) FROM event WHERE contact_id = ? AND type = 'REMINDER' AND link_type = 'interview' AND link_id = ?",
                ada,
                interview))
        .isEqualTo(1);

    f.service().runDue();
    f.clock.advance(Duration.ofHours(3));
    f.service().runDue();
    assertThat(f.events(ada, "REMINDER")).as("once per interview").hasSize(1);
    assertThat(f.service().next(ada)).isEmpty();
  }

  @Test
  void anEarlyInterviewGetsItTwoHoursBefore() {
    f.scheduledInterview(ada, berlin("2026-03-04T09:00"), null);
    assertThat(f.service().next(ada))
        .hasValueSatisfying(n -> assertThat(n.at()).isEqualTo(berlin("2026-03-04T07:00")));
    f.clock.set(berlin("2026-03-04T07:00"));
    f.service().runDue();
    assertThat(f.events(ada, "REMINDER"))
        .singleElement()
        .satisfies(r -> assertThat(r).contains("on Wednesday 4 March, 09:00 (45 min)\n"));
  }

  @Test
  void withoutAPitchOrNotesThoseLinesAreLeftOut() {
    f.config = f.config(Duration.ofDays(7), 2);
    long bob = f.contact("Bob Byte", "bob@example.net");
    f.scheduledInterview(bob, berlin("2026-03-02T15:00"), null);
    f.service().runDue();
    assertThat(f.events(bob, "REMINDER"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .contains("Your questions:")
                    .doesNotContain("Your pitch")
                    .doesNotContain("Your notes"));
  }

  @Test
  void anInterviewMovedToALaterDayAfterItsReminderGetsAnotherThatDay() {
    long interview = f.scheduledInterview(ada, berlin("2026-03-04T14:00"), "Café Einstein");
    f.clock.set(berlin("2026-03-04T08:00"));
    f.service().runDue();
    assertThat(f.events(ada, "REMINDER")).hasSize(1);

    // Ada asked to move it to Friday; notes taken since touch nothing.
    f.clock.set(berlin("2026-03-04T09:00"));
    f.db.transaction(
        c ->
            dev.rapport.store.Sql.update(
                c,
                "UPDATE interview SET starts_at = ?, updated_at = ? WHERE id = ?",
                berlin("2026-03-06T10:00"),
                f.clock.instant(),
                interview));
    assertThat(f.service().next(ada))
        .hasValueSatisfying(n -> assertThat(n.at()).isEqualTo(berlin("2026-03-06T08:00")));
    f.service().runDue();
    assertThat(f.events(ada, "REMINDER")).hasSize(1);
    f.clock.set(berlin("2026-03-06T08:00"));
    f.service().runDue();
    assertThat(f.events(ada, "REMINDER"))
        .hasSize(2)
        .last()
        .satisfies(r -> assertThat(r).contains("on Friday 6 March, 10:00"));
    f.clock.advance(Duration.ofHours(1));
    f.service().runDue();
    assertThat(f.events(ada, "REMINDER")).hasSize(2);
  }

  @Test
  void aReminderGivenLateAfterAStopIsGivenOnce() {
    f.scheduledInterview(ada, berlin("2026-03-04T14:00"), null);
    f.clock.set(berlin("2026-03-04T15:00"));
    f.service().runDue();
    f.service().runDue();
    assertThat(f.events(ada, "REMINDER")).hasSize(1);
  }

  @Test
  void longNotesAreCutToWhatTheTimelineHolds() {
    for (int i = 0; i < 3; i++) f.contacts.note(ada, ("note " + i + " ").repeat(1_000));
    f.scheduledInterview(ada, berlin("2026-03-02T15:00"), null);
    f.service().runDue();
    assertThat(f.events(ada, "REMINDER"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .hasSize(InterviewPrep.MAX)
                    .startsWith("Interview with Ada Lovelace")
                    .endsWith("everything is in 'rapport contacts show " + ada + "')"));
  }

  @Test
  void noReminderForACancelledInterview() {
    long interview = f.scheduledInterview(ada, berlin("2026-03-04T14:00"), null);
    f.db.transaction(
        c ->
            dev.rapport.store.Sql.update(
                c, "UPDATE interview SET status = 'CANCELLED' WHERE id = ?", interview));
    f.clock.set(berlin("2026-03-04T12:00"));
    f.service().runDue();
    assertThat(f.events(ada, "REMINDER")).isEmpty();
  }
}
