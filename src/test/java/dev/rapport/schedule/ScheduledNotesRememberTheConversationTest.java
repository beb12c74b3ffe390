package dev.rapport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.draft.DraftKind;
import dev.rapport.interview.InterviewService;
import dev.rapport.store.Sql;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler's thank-you names each introduction the interviewee offered, and its keep-in-touch
 * note months later can mention the conversation: both get the interview's facts (the note's
 * interview branches never rendered before issue 14).
 */
class ScheduledNotesRememberTheConversationTest {
  @TempDir Path dir;
  ScheduleFixture f;
  ScheduleService service;
  long ada;

  @BeforeEach
  void setUp() {
    f = new ScheduleFixture(dir, ScheduleFixture.berlin("2026-03-03T10:00"));
    InterviewService interviews =
        new InterviewService(f.db, f.contacts, f.clock, ScheduleFixture.BERLIN);
    service =
        new ScheduleService(
            f.db,
            f.contacts,
            f::drafts,
            f.prep(),
            f.config,
            f.clock,
            () -> true,
            null,
            interviews::thankYouFacts);
    ada = f.contact("Ada Lovelace", "ada@example.org");
    long joan = f.contact("Joan Clarke", "joan@example.org");
    long alan = f.contact("Alan Turing", "alan@example.org");
    long mary = f.contact("Mary Somerville", "mary@example.org");
    long referral = f.referral(ada, joan, true);
    f.db.transaction(
        c -> {
          long interview =
              Sql.one(
                      c,
                      "SELECT interview_id FROM referral WHERE id = ?",
                      rs -> rs.getLong(1),
                      referral)
                  .orElseThrow();
          Sql.update(
              c,
              "UPDATE interview SET highlight = 'the night-shift story' WHERE id = ?",
              interview);
          for (long[] r : new long[][] {{mary, 0}, {alan, 1}})
            Sql.insert(
                c,
                "INSERT INTO referral (interview_id, contact_id, context, introduction_offered,"
                    + " created_contact, created_at) VALUES (?, ?, NULL, ?, TRUE, ?)",
                interview,
                r[0],
                r[1] == 1,
                f.clock.instant());
          return null;
        });
    f.interviewed(ada);
  }

  @Test
  void theThankYouNamesEachIntroductionAndTheKeepInTouchNoteTheConversation() {
    service.runDue();
    long thanks = f.drafts(ada, DraftKind.THANK_YOU).get(0);
    assertThat(f.body(thanks))
        .contains("talk with me on Tuesday, 3 March")
        .contains("what you said about the night-shift story")
        .contains("offering to introduce me to Joan Clarke and Alan Turing.")
        .doesNotContain("Mary");

    f.send(thanks);
    f.clock.advance(Duration.ofDays(181));
    service.runDue();
    long note = f.drafts(ada, DraftKind.KEEP_IN_TOUCH).get(0);
    assertThat(f.body(note))
        .contains("It's been a while since we talked (on Tuesday, 3 March)")
        .contains("I keep coming back to what you said about the night-shift story.");
  }
}
