package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testing.RapportMail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stats} over a history made the way a user makes it: outreach sent over SMTP by {@code
 * sync}, replies read from the inbox over IMAP, stages moved by hand, with the clock moved between
 * steps.
 */
class StatsCommandIT {
  static final String ME = GreenMailAccount.ME;
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** A Monday morning, inside the sending window. */
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, BERLIN);

  @RegisterExtension static final RapportMail mail = GreenMailAccount.server();

  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = GreenMailAccount.runner(dir, mail, "pacing: {timezone: Europe/Berlin, weekly_goal: 5}");
    at(MONDAY.toInstant());
  }

  void at(Instant now) {
    cli.clock(Clock.fixed(now, BERLIN));
  }

  CliRunner.Result ok(String... args) {
    CliRunner.Result r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  long contact(String name, String email, int tier) {
    return Long.parseLong(
        ok("contacts", "add", "--name", name, "--email", email, "--tier", String.valueOf(tier))
            .out()
            .strip());
  }

  JsonNode stats() {
    return DraftsFixture.json(cli.run("stats", "--json"));
  }

  /** A human answer in the thread of the outreach sent to {@code contact}. */
  void replyFrom(String from, long contact) throws Exception {
    JsonNode drafts = DraftsFixture.json(cli.run("drafts", "list", "--json"));
    String messageId = null;
    for (JsonNode d : drafts)
      if (d.get("contactId").asLong() == contact) messageId = d.get("messageId").asText();
    assertThat(messageId).as("message id of the outreach to " + contact).isNotNull();
    String raw =
        """
        From: %s
        To: %s
        Subject: Re: a question
        Message-ID: <reply-%d@example.com>
        In-Reply-To: %s
        Date: Mon, 23 Nov 2026 12:00:00 +0100

        Happy to talk. Thursday?
        """
            .formatted(from, ME, contact, messageId);
    mail.getUserManager()
        .getUser(ME)
        .deliver(
            new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void countsWhatHappenedEvenAfterContactsMovedOn() throws Exception {
    long ada = contact("Ada", "ada@example.com", 1);
    long bo = contact("Bo", "bo@example.com", 2);
    long cy = contact("Cy", "cy@example.com", 2);
    contact("Di", "di@example.com", 3);
    ok("outreach", String.valueOf(ada), String.valueOf(bo), String.valueOf(cy));
    ok("drafts", "approve", "--all");
    ok("sync");
    assertThat(stats().get("pace").get("outreachSent").asInt()).isEqualTo(3);

    replyFrom("Ada <ada@example.com>", ada);
    at(MONDAY.plusDays(2).toInstant());
    ok("sync");
    replyFrom("Bo <bo@example.com>", bo);
    at(MONDAY.plusDays(4).toInstant());
    ok("sync");
    ok("contacts", "stage", String.valueOf(cy), "NO_RESPONSE");
    ok("contacts", "stage", String.valueOf(ada), "SCHEDULED");
    ok("contacts", "stage", String.valueOf(ada), "INTERVIEWED");
    // Bo answered, then asked for a pause: still a reply in the funnel.
    ok("contacts", "stage", String.valueOf(bo), "PAUSED");

    JsonNode s = stats();
    JsonNode funnel = s.get("funnel");
    assertThat(funnel.get("contacts").asInt()).isEqualTo(4);
    assertThat(funnel.get("contacted").asInt()).isEqualTo(3);
    assertThat(funnel.get("replied").asInt()).isEqualTo(2);
    assertThat(funnel.get("interviewed").asInt()).isEqualTo(1);
    assertThat(funnel.get("thanked").asInt()).isZero();
    assertThat(s.get("replyRate").get("rate").asDouble()).isEqualTo(0.67);
    assertThat(s.get("replyRateByTier").toString())
        .isEqualTo(
            "[{\"tier\":1,\"contacted\":1,\"replied\":1,\"rate\":1.0},"
                + "{\"tier\":2,\"contacted\":2,\"replied\":1,\"rate\":0.5}]");
    assertThat(s.get("replyRateByTemplate").toString())
        .isEqualTo(
            "[{\"template\":\"outreach-tier1.ftl\",\"contacted\":1,\"replied\":1,\"rate\":1.0},"
                + "{\"template\":\"outreach-tier2.ftl\",\"contacted\":2,\"replied\":1,\"rate\":0.5}]");
    assertThat(s.get("noPerYes").toString()).isEqualTo("{\"no\":1,\"yes\":1,\"ratio\":1.0}");
    // Ada answered two days after the outreach, Bo four.
    assertThat(s.get("medianDaysToReply").asDouble()).isEqualTo(3.0);
    JsonNode pace = s.get("pace");
    assertThat(pace.get("weekStart").asText()).isEqualTo("2026-11-23T00:00:00+01:00");
    assertThat(pace.get("outreachSent").asInt()).isEqualTo(3);
    assertThat(pace.get("weeklyGoal").asInt()).isEqualTo(5);

    String text = ok("stats").out();
    assertThat(text)
        .contains("4 contacts → 3 contacted → 2 replied → 1 interviewed → 0 thanked")
        .contains("67% (2 of 3)")
        .contains("1.0 (1 no, 1 interview)")
        .contains("3 of 5 new outreach sent since Mon 23 Nov");
  }

  @Test
  void theWeekStartsAgainOnMondayInTheUsersTimezone() {
    long ada = contact("Ada", "ada@example.com", 1);
    ok("outreach", String.valueOf(ada));
    ok("drafts", "approve", "--all");
    long bo = contact("Bo", "bo@example.com", 2);
    ok("outreach", String.valueOf(bo));
    ok("sync");
    ok("drafts", "approve", "--all");
    JsonNode pace = stats().get("pace");
    assertThat(pace.get("outreachSent").asInt()).isEqualTo(1);
    assertThat(pace.get("outreachQueued").asInt()).isEqualTo(1);

    // Sunday 23:30 in Berlin is still the same week; Monday 00:00 starts the next.
    at(MONDAY.plusDays(6).withHour(23).withMinute(30).toInstant());
    assertThat(stats().get("pace").get("outreachSent").asInt()).isEqualTo(1);
    at(MONDAY.plusDays(7).withHour(0).toInstant().plus(Duration.ofSeconds(1)));
    pace = stats().get("pace");
    assertThat(pace.get("outreachSent").asInt()).isZero();
    assertThat(pace.get("weekStart").asText()).isEqualTo("2026-11-30T00:00:00+01:00");
  }

  @Test
  void withNothingYetItSaysSoAndTheJsonHasNullRates() {
    assertThat(ok("stats").out()).startsWith("No contacts yet");
    JsonNode s = stats();
    assertThat(s.get("funnel").get("contacts").asInt()).isZero();
    assertThat(s.get("replyRate").get("rate").isNull()).isTrue();
    assertThat(s.get("noPerYes").get("ratio").isNull()).isTrue();
    assertThat(s.get("medianDaysToReply").isNull()).isTrue();
    assertThat(s.get("replyRateByTier").isEmpty()).isTrue();
  }

  @Test
  void aContactMovedByHandCountsButCreditsNoTemplate() {
    long ada = contact("Ada", "ada@example.com", 1);
    ok("contacts", "stage", String.valueOf(ada), "REPLIED", "--note", "met at a meetup");
    JsonNode s = stats();
    assertThat(s.get("funnel").get("contacted").asInt()).isEqualTo(1);
    assertThat(s.get("funnel").get("replied").asInt()).isEqualTo(1);
    assertThat(s.get("replyRateByTemplate").isEmpty()).isTrue();
    assertThat(s.get("medianDaysToReply").isNull()).isTrue();
  }

  @Test
  void replyRateByCareerLevelWithTheUnsetOnesLast() {
    long a = contact("Ada", "ada@example.com", 2);
    ok("contacts", "add", "--name", "Sen", "--email", "sen@example.com", "--level", "SENIOR");
    ok("contacts", "add", "--name", "Emm", "--email", "emm@example.com", "--level", "EMERGING");
    ok("contacts", "add", "--name", "Emm2", "--email", "emm2@example.com", "--level", "EMERGING");
    ok("contacts", "stage", String.valueOf(a), "CONTACTED");
    ok("contacts", "stage", "2", "CONTACTED");
    ok("contacts", "stage", "3", "REPLIED");
    ok("contacts", "stage", "4", "NO_RESPONSE");
    assertThat(stats().get("replyRateByLevel").toString())
        .isEqualTo(
            "[{\"level\":\"EMERGING\",\"contacted\":2,\"replied\":1,\"rate\":0.5},"
                + "{\"level\":\"SENIOR\",\"contacted\":1,\"replied\":0,\"rate\":0.0},"
                + "{\"level\":null,\"contacted\":1,\"replied\":0,\"rate\":0.0}]");
    assertThat(ok("stats").out()).contains("(not set)");
  }

  @Test
  void jsonIsTheOnlyThingOnStdout() {
    contact("Ada", "ada@example.com", 1);
    CliRunner.Result r = cli.run("stats", "--json");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().strip()).startsWith("{").endsWith("}");
    assertThat(r.err()).isEmpty();
  }
}
