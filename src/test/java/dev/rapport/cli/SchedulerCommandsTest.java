package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.Sql;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code contacts show} with the next action, and {@code doctor} on the scheduler. */
class SchedulerCommandsTest {
  static final Instant SENT = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir Path dir;
  DraftsFixture f;

  @BeforeEach
  void setUp() {
    f = new DraftsFixture(dir);
    f.cli.clock(Clock.fixed(SENT.plus(Duration.ofDays(1)), ZoneOffset.UTC));
  }

  /** Marks the contact's outreach sent at {@link #SENT}, as the outbox would. */
  void sent(long contact) {
    long draft = f.outreach(contact);
    try (Database db = DatabaseOpener.open(new DataFolder(dir.resolve("data")))) {
      db.transaction(
          c -> {
            Sql.update(
                c,
                "UPDATE draft SET status = 'SENT', sent_at = ?, message_id = '<x@example.org>' WHERE id = ?",
                SENT.atOffset(ZoneOffset.UTC),
                draft);
            return Sql.update(c, "UPDATE contact SET stage = 'CONTACTED' WHERE id = ?", contact);
          });
    }
  }

  @Test
  void showNamesTheNextActionAndWhen() {
    long ada = f.contact("Ada Lovelace", "ada@example.org");
    sent(ada);
    JsonNode next = f.contactJson(ada).get("next");
    assertThat(next.get("action").asText()).isEqualTo("FOLLOW_UP");
    assertThat(OffsetDateTime.parse(next.get("at").asText()).toInstant())
        .isEqualTo(SENT.plus(Duration.ofDays(7)));
    var text = f.cli.run("contacts", "show", String.valueOf(ada));
    assertThat(text.out()).contains("next: draft a follow-up on ");
  }

  @Test
  void showAndDoctorSeeTheReferralNudgeAndThePrepReminder() throws Exception {
    long ada = f.contact("Ada Lovelace", "ada@example.org");
    var booked =
        f.cli.run(
            "interviews",
            "schedule",
            "--force",
            "--no-confirm",
            String.valueOf(ada),
            "--at",
            "2026-12-08T10:00[Europe/Berlin]",
            "--where",
            "Café Einstein");
    assertThat(booked.exitCode()).as(booked.toString()).isZero();
    Path notes = dir.resolve("notes.yaml");
    java.nio.file.Files.writeString(
        notes,
        "referrals:\n"
            + "  - {name: \"Joan Clarke\", email: \"joan@example.org\", introduction_offered: true}\n");
    var noted = f.cli.run("interviews", "notes", String.valueOf(ada), "--file", notes.toString());
    assertThat(noted.exitCode()).as(noted.toString()).isZero();

    JsonNode next = f.contactJson(ada).get("next");
    assertThat(next.get("action").asText()).isEqualTo("REFERRAL_NUDGE");
    assertThat(OffsetDateTime.parse(next.get("at").asText()).toInstant())
        .isEqualTo(SENT.plus(Duration.ofDays(1 + 5)));
    assertThat(f.cli.run("contacts", "show", String.valueOf(ada)).out())
        .contains("next: draft a gentle reminder of the introduction offered on ");
    assertThat(f.cli.run("doctor").out())
        .contains("2 action(s) planned; the first: draft a gentle reminder of the introduction");
  }

  @Test
  void nextIsNullWhenNothingIsScheduled() {
    long ada = f.contact("Ada Lovelace", "ada@example.org");
    JsonNode show = f.contactJson(ada);
    assertThat(show.has("next")).isTrue();
    assertThat(show.get("next").isNull()).isTrue();
    assertThat(f.cli.run("contacts", "show", String.valueOf(ada)).out())
        .contains("next: nothing scheduled");
  }

  @Test
  void doctorShowsAFailedJobWithItsErrorAndNextAttempt() throws Exception {
    long ada = f.contact("Ada Lovelace", "ada@example.org");
    sent(ada);
    java.nio.file.Files.writeString(
        f.templates.resolve("follow-up.ftl"), "Subject: Re\n\nHi ${contact.nickname}\n");
    // The job runs in-process here, as the daemon's would: the clock is past the wait.
    var clock = Clock.fixed(SENT.plus(Duration.ofDays(8)), ZoneOffset.UTC);
    f.cli.clock(clock);
    try (var app =
        new dev.rapport.App(
            dev.rapport.config.ConfigLoader.load(dir.resolve("rapport.yaml"), true),
            new DataFolder(dir.resolve("data")),
            clock,
            java.util.Map.of())) {
      assertThat(app.schedule(() -> true, null).runDue().failed()).hasSize(1);
    }
    var r = f.cli.run("doctor");
    assertThat(r.out())
        .contains("WARN  scheduler")
        .contains("FOLLOW_UP:" + ada + " failed 1 time(s)")
        .contains("follow-up.ftl line 3: contact.nickname is missing")
        .contains("next attempt at");
  }

  @Test
  void doctorSaysWhenTheStoredScheduleIsMissingAndRepairsIt() {
    sent(f.contact("Ada Lovelace", "ada@example.org"));
    var before = f.cli.run("doctor");
    assertThat(before.out())
        .contains("1 action(s) planned")
        .contains("the stored triggers are missing")
        .contains("--repair-schedule");
    var repair = f.cli.run("doctor", "--repair-schedule");
    assertThat(repair.exitCode()).as(repair.toString()).isZero();
    assertThat(repair.out()).contains("stored triggers rebuilt from the database");
    var after = f.cli.run("doctor");
    assertThat(after.out())
        .contains("1 action(s) planned; the first: draft a follow-up for contact")
        .doesNotContain("the stored triggers are missing");
  }
}
