package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.interview.InterviewCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterviewsCommandTest {
  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(
        config,
        "me: {name: Ada Example, email: ada@example.org}\npacing: {timezone: America/New_York}\n");
    cli =
        new CliRunner(dir.resolve("data"), config)
            .clock(Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));
    assertThat(
            cli.run("contacts", "add", "--name", "Grace Hopper", "--email", "grace@example.org")
                .exitCode())
        .isZero();
  }

  private JsonNode json(String... args) throws Exception {
    var r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  private String stage() throws Exception {
    return json("contacts", "show", "1", "--json").get("stage").asText();
  }

  @Test
  void scheduleShowsTheTimeInTheUsersZoneAndKeepsItsOwn() throws Exception {
    var r =
        cli.run(
            "interviews",
            "schedule",
            "--no-confirm",
            "1",
            "--at",
            "2026-12-01T16:00[Europe/Berlin]",
            "--minutes",
            "45",
            "--where",
            "Video call");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains(
            "Interview 1 with contact 1 booked for 2026-12-01 10:00 (America/New_York), 45 min, Video call");
    assertThat(stage()).isEqualTo("SCHEDULED");
    JsonNode i = json("interviews", "list", "--json").get(0);
    assertThat(i.get("startsAt").asText()).isEqualTo("2026-12-01T10:00:00-05:00");
    assertThat(i.get("zone").asText()).isEqualTo("Europe/Berlin");
    assertThat(i.get("status").asText()).isEqualTo("SCHEDULED");
    assertThat(i.get("minutes").asInt()).isEqualTo(45);
    assertThat(i.get("where").asText()).isEqualTo("Video call");
    JsonNode events = json("contacts", "show", "1", "--json").get("events");
    assertThat(events.toString()).contains("INTERVIEW_SCHEDULED").contains("NEW → SCHEDULED");
  }

  @Test
  void aMoveKeepsTheLengthAndPlaceBookedUnlessGiven() throws Exception {
    cli.run(
        "interviews",
        "schedule",
        "--no-confirm",
        "1",
        "--at",
        "2026-12-01T10:00-05:00",
        "--minutes",
        "45",
        "--where",
        "Blue Bottle, Market St");
    var moved = cli.run("interviews", "reschedule", "1", "--at", "2026-12-02T11:00-05:00");
    assertThat(moved.exitCode()).as(moved.toString()).isZero();
    JsonNode i = json("interviews", "list", "--json").get(0);
    assertThat(i.get("minutes").asInt()).isEqualTo(45);
    assertThat(i.get("where").asText()).isEqualTo("Blue Bottle, Market St");

    cli.run("interviews", "reschedule", "1", "--at", "2026-12-02T11:00-05:00", "--minutes", "20");
    i = json("interviews", "list", "--json").get(0);
    assertThat(i.get("minutes").asInt()).isEqualTo(20);
    assertThat(i.get("where").asText()).isEqualTo("Blue Bottle, Market St");

    cli.run("interviews", "reschedule", "1", "--at", "2026-12-02T11:00-05:00", "--where", "");
    i = json("interviews", "list", "--json").get(0);
    assertThat(i.get("minutes").asInt()).isEqualTo(20);
    assertThat(i.get("where") == null || i.get("where").isNull()).as(i.toString()).isTrue();
  }

  @Test
  void rescheduleCancelAndDoneMoveTheContact() throws Exception {
    cli.run("interviews", "schedule", "--no-confirm", "1", "--at", "2026-12-01T10:00-05:00");
    var again =
        cli.run("interviews", "schedule", "--no-confirm", "1", "--at", "2026-12-02T10:00-05:00");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already has interview 1").contains("interviews reschedule 1");

    var moved = cli.run("interviews", "reschedule", "1", "--at", "2026-12-03T09:30-05:00");
    assertThat(moved.exitCode()).as(moved.toString()).isZero();
    assertThat(moved.out()).contains("2026-12-03 09:30");
    assertThat(json("contacts", "show", "1", "--json").get("events").toString())
        .contains("INTERVIEW_RESCHEDULED");

    assertThat(cli.run("interviews", "cancel", "1", "--note", "ill").exitCode()).isZero();
    assertThat(stage()).isEqualTo("REPLIED");
    assertThat(cli.run("interviews", "cancel", "1").err()).contains("has no interview scheduled");

    cli.run("interviews", "schedule", "--no-confirm", "1", "--at", "2026-12-04T09:30-05:00");
    var done = cli.run("interviews", "done", "1", "--force");
    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(stage()).isEqualTo("INTERVIEWED");
    JsonNode list = json("interviews", "list", "--json");
    assertThat(list.findValuesAsText("status")).containsExactly("CANCELLED", "DONE");
    assertThat(cli.run("interviews", "done", "1", "--force").err()).contains("is already done");
  }

  @Test
  void doneWithoutASchedulingRecordsOneHeldNow() throws Exception {
    assertThat(cli.run("interviews", "done", "1", "--force").exitCode()).isZero();
    JsonNode i = json("interviews", "list", "--json").get(0);
    assertThat(i.get("startsAt").asText()).isEqualTo("2026-11-20T07:00:00-05:00");
    assertThat(i.get("status").asText()).isEqualTo("DONE");
    assertThat(stage()).isEqualTo("INTERVIEWED");
  }

  @Test
  void badInputIsRefused() throws Exception {
    var noZone = cli.run("interviews", "schedule", "--no-confirm", "1", "--at", "2026-12-01T10:00");
    assertThat(noZone.exitCode()).isEqualTo(1);
    assertThat(noZone.err()).contains("has no time zone");
    assertThat(cli.run("interviews", "schedule", "--no-confirm", "1", "--at", "next tuesday").err())
        .contains("is not a date and time");
    var unknown =
        cli.run("interviews", "schedule", "--no-confirm", "9", "--at", "2026-12-01T10:00Z");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("There is no contact 9.");
    for (String cmd : new String[] {"done", "cancel", "thank", "show", "notes"}) {
      var r = cli.run("interviews", cmd, "9");
      assertThat(r.exitCode()).as(cmd).isEqualTo(1);
      assertThat(r.err()).as(cmd).contains("There is no contact 9.");
    }
    assertThat(cli.run("interviews", "reschedule", "9", "--at", "2026-12-01T10:00Z").err())
        .contains("There is no contact 9.");
    assertThat(cli.run("interviews", "reschedule", "1", "--at", "2026-12-01T10:00Z").err())
        .contains("has no interview scheduled");
    assertThat(
            cli.run(
                    "interviews",
                    "schedule",
                    "--no-confirm",
                    "1",
                    "--at",
                    "2026-12-01T10:00Z",
                    "--minutes",
                    "0")
                .err())
        .contains("5 to 480 minutes");
    assertThat(cli.run("interviews", "schedule", "--no-confirm", "1").exitCode()).isEqualTo(2);
    assertThat(json("interviews", "list", "--json").size()).isZero();
    assertThat(stage()).isEqualTo("NEW");
  }

  @Test
  void scheduleWritesAnInvitationThatReadsBack() throws Exception {
    Path ics = dir.resolve("grace.ics");
    var r =
        cli.run(
            "interviews",
            "schedule",
            "--no-confirm",
            "1",
            "--at",
            "2026-12-01T10:00-05:00",
            "--where",
            "Café Luna",
            "--ics",
            ics.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Calendar invitation written to " + ics);
    String text = Files.readString(ics);
    assertThat(text).contains("BEGIN:VCALENDAR", "METHOD:REQUEST", "DTSTART:20261201T150000Z");
    assertThat(text).contains("mailto:grace@example.org", "mailto:ada@example.org");
    assertThat(text.split("DTSTAMP", -1)).hasSize(2);
    var back = InterviewCalendar.readInvitation(text, ZoneId.of("UTC")).orElseThrow();
    assertThat(back.slot().start().toInstant()).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
    assertThat(back.slot().minutes()).isEqualTo(30);
    assertThat(back.slot().place()).isEqualTo("Café Luna");
  }

  @Test
  void doneDraftsAThankYouNamingTheDateAndHighlight() throws Exception {
    cli.run("interviews", "schedule", "--no-confirm", "1", "--at", "2026-12-01T23:30Z");
    Path notes = dir.resolve("n.yaml");
    Files.writeString(notes, "highlight: \"the first compiler\"\n");
    assertThat(cli.run("interviews", "notes", "1", "--file", notes.toString()).exitCode()).isZero();
    var done = cli.run("interviews", "done", "1", "--force");
    assertThat(done.out()).contains("Thank-you draft 1 is waiting for your review");
    JsonNode d = json("drafts", "show", "1", "--json");
    assertThat(d.get("kind").asText()).isEqualTo("THANK_YOU");
    assertThat(d.get("status").asText()).isEqualTo("PENDING");
    // 23:30 UTC is still Tuesday evening in New York
    assertThat(d.get("body").asText())
        .contains("talk with me on Tuesday, 1 December.")
        .contains("what you said about the first compiler");
    var again = cli.run("interviews", "thank", "1");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already has thank-you draft 1");
    assertThat(cli.run("interviews", "thank", "9").err()).contains("There is no contact 9.");
  }

  @Test
  void doneWithoutThankYouDraftsNothing() throws Exception {
    var done = cli.run("interviews", "done", "1", "--force", "--no-thank-you");
    assertThat(done.out()).contains("'interviews thank 1'");
    assertThat(json("drafts", "list", "--json").size()).isZero();
  }

  @Test
  void aConfirmationStillWaitingWhenTheInterviewIsHeldIsCancelled() throws Exception {
    var booked = cli.run("interviews", "schedule", "1", "--at", "2026-12-01T16:00[Europe/Berlin]");
    assertThat(booked.exitCode()).as(booked.toString()).isZero();
    assertThat(booked.out()).contains("CONFIRM draft");
    var done = cli.run("interviews", "done", "1", "--force");
    assertThat(done.exitCode()).as(done.toString()).isZero();
    JsonNode confirm = null;
    for (JsonNode d : json("drafts", "list", "--json"))
      if (d.get("kind").asText().equals("CONFIRM")) confirm = d;
    assertThat(confirm).isNotNull();
    assertThat(confirm.get("status").asText())
        .as("nothing is left to confirm once it took place")
        .isEqualTo("CANCELLED");
  }
}
