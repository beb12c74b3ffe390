package dev.rapport.schedule;

import static dev.rapport.schedule.ScheduleFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.pause.PauseService;
import dev.rapport.question.QuestionService;
import dev.rapport.store.Sql;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the morning digest says about interviews, a pause and whom to write to next. */
class DigestComposerTest {
  @TempDir Path dir;
  ScheduleFixture f;
  Instant morning;

  @BeforeEach
  void setUp() {
    // Monday 2 March 2026, the digest's moment in Berlin.
    morning = berlin("2026-03-02T08:00");
    f = new ScheduleFixture(dir, morning.minus(Duration.ofDays(3)));
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  DigestContent compose(int suggestions) {
    f.clock.set(morning);
    DigestComposer composer =
        new DigestComposer(
            f.config, new InterviewPrep(f.config, new QuestionService(f.db, f.clock)));
    return f.db.read(
        c -> composer.compose(c, morning, morning.minus(Duration.ofDays(1)), suggestions));
  }

  @Test
  void theThreeBSevenSuggestionsMakeTheDigestWorthSending() {
    f.clock.set(morning);
    DigestComposer composer =
        new DigestComposer(
            f.config, new InterviewPrep(f.config, new QuestionService(f.db, f.clock)));
    String line =
        "Acme: no answer from Ann in 3 business days; write to a second person there: Bob (contact 2).";
    DigestContent d =
        f.db.read(
            c ->
                composer.compose(
                    c, morning, morning.minus(Duration.ofDays(1)), 0, java.util.List.of(line)));
    assertThat(d.worthSending()).isTrue();
    assertThat(d.subject()).contains("1 employer to try a second contact at");
    assertThat(d.body())
        .contains("No answer in 3 business days (3B7): write to a second person there.\n  " + line);
    assertThat(compose(0).body()).doesNotContain("3B7");
  }

  @Test
  void todaysInterviewsWithTheirPrepAndTomorrowsAreListedInTheUsersZone() {
    long ada = f.contact("Ada Lovelace", "ada@example.net");
    long bob = f.contact("Bob Byte", "bob@example.net");
    long cyd = f.contact("Cyd Charisse", "cyd@example.net");
    long dan = f.contact("Dan Brown", "dan@example.net");
    f.contacts.note(ada, "Wrote the first program");
    f.scheduledInterview(ada, berlin("2026-03-02T14:00"), "Café Einstein");
    f.scheduledInterview(bob, berlin("2026-03-03T09:30"), "video call");
    f.scheduledInterview(cyd, berlin("2026-03-04T09:30"), null);
    long cancelled = f.scheduledInterview(dan, berlin("2026-03-02T16:00"), null);
    f.db.transaction(
        c -> Sql.update(c, "UPDATE interview SET status = 'CANCELLED' WHERE id = ?", cancelled));

    DigestContent d = compose(0);
    assertThat(d.worthSending()).isTrue();
    assertThat(d.subject()).contains("1 interview(s) today, 1 interview(s) tomorrow");
    assertThat(d.body())
        .contains(
            "\nInterviews today:\n"
                + "  14:00  Ada Lovelace, Café Einstein\n"
                + "    Interview with Ada Lovelace on Monday 2 March, 14:00 (45 min), Café Einstein\n"
                + "    Your questions:\n"
                + "      1. How did you get started")
        .contains("    Your notes on Ada Lovelace:\n      - Wrote the first program\n")
        .contains("\nInterviews tomorrow:\n  09:30  Bob Byte, video call\n")
        .doesNotContain("Cyd")
        .doesNotContain("Dan Brown");
  }

  @Test
  void withoutInterviewsNothingIsSaidOfThem() {
    long ada = f.contact("Ada Lovelace", "ada@example.net");
    f.scheduledInterview(ada, berlin("2026-03-05T14:00"), null);
    DigestContent d = compose(0);
    assertThat(d.body()).doesNotContain("Interview");
    assertThat(d.worthSending()).isFalse();
  }

  @Test
  void thePauseIsSaidWhileItLasts() {
    PauseService pauses = new PauseService(f.db, f.clock, ScheduleFixture.BERLIN);
    pauses.pause(LocalDate.of(2026, 3, 9), "moving house");
    assertThat(compose(0).body())
        .contains(
            "rapport is paused since Fri 27 Feb until Mon 9 Mar: moving house."
                + " Nothing is sent while paused; 'rapport resume' ends it.");
    pauses.resume();
    assertThat(compose(0).body()).doesNotContain("paused");
  }

  @Test
  void theSuggestionsAreCountedOnlyWhenThereAreSome() {
    assertThat(compose(3).body())
        .contains("3 people you could write to this week: 'rapport next'.");
    assertThat(compose(1).body()).contains("1 person you could write to this week");
    assertThat(compose(0).body()).doesNotContain("could write to");
    assertThat(compose(3).worthSending()).as("no reason to write on its own").isFalse();
  }
}
