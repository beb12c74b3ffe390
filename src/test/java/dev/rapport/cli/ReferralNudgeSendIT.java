package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testing.RapportMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A referral nudge asks the interviewee about an introduction; if the introduction happens while
 * the approved nudge waits, it is cancelled instead of sent.
 */
class ReferralNudgeSendIT {
  static final String ME = GreenMailAccount.ME;
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, BERLIN);

  @RegisterExtension static final RapportMail mail = GreenMailAccount.server();

  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    cli =
        GreenMailAccount.runner(
            dir, mail, "pacing: {timezone: Europe/Berlin}\ndigest: {enabled: false}");
    at(MONDAY);
  }

  void at(ZonedDateTime t) {
    cli.clock(Clock.fixed(t.toInstant(), BERLIN));
  }

  CliRunner.Result ok(String... args) {
    var r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  JsonNode drafts() {
    return DraftsFixture.json(cli.run("drafts", "list", "--json"));
  }

  long approvedNudge() throws Exception {
    ok("contacts", "add", "--name", "Grace Hopper", "--email", "grace@example.com");
    ok("interviews", "done", "1", "--no-thank-you");
    Path notes = dir.resolve("notes.yaml");
    Files.writeString(
        notes,
        "referrals:\n  - {name: Joan Clarke, email: joan@example.com, context: crypto,"
            + " introduction_offered: true}\n");
    ok("interviews", "notes", "1", "--file", notes.toString());
    at(MONDAY.plusDays(7)); // the next Monday, inside the sending window
    ok("sync");
    long nudge = -1;
    for (JsonNode d : drafts())
      if (d.get("kind").asText().equals("REFERRAL_NUDGE")) nudge = d.get("id").asLong();
    assertThat(nudge).as("a referral nudge after the wait: " + drafts()).isPositive();
    ok("drafts", "approve", String.valueOf(nudge));
    return nudge;
  }

  @Test
  void anApprovedNudgeGoesOutWhileTheIntroductionIsStillOwed() throws Exception {
    long nudge = approvedNudge();
    ok("sync");
    JsonNode d = DraftsFixture.json(cli.run("drafts", "show", String.valueOf(nudge), "--json"));
    assertThat(d.get("status").asText()).isEqualTo("SENT");
    assertThat(mail.getReceivedMessagesForDomain("example.com")).hasSize(1);
  }

  @Test
  void anApprovedNudgeIsCancelledWhenTheIntroductionHappenedMeanwhile() throws Exception {
    long nudge = approvedNudge();

    // Grace introduced them after all: Joan answered before the nudge went out.
    ok("contacts", "stage", "2", "REPLIED", "--note", "Grace introduced us");
    ok("sync");
    JsonNode d = DraftsFixture.json(cli.run("drafts", "show", String.valueOf(nudge), "--json"));
    assertThat(d.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(mail.getReceivedMessagesForDomain("example.com")).isEmpty();
    assertThat(ok("contacts", "show", "1").out())
        .contains("cancelled before sending: contact 2 has been introduced meanwhile");
  }

  @Test
  void theNudgeKnowsItsReferralWhateverTheTimelineSays() throws Exception {
    long nudge = approvedNudge();
    // The timeline's sentences are for people: reworded, the nudge still finds its referral.
    try (var db =
        dev.rapport.store.DatabaseOpener.open(
            new dev.rapport.store.DataFolder(dir.resolve("data")))) {
      db.transaction(
          c -> dev.rapport.store.Sql.update(c, "UPDATE event SET detail = 'Something happened'"));
    }

    ok("contacts", "stage", "2", "REPLIED", "--note", "Grace introduced us");
    ok("sync");
    JsonNode d = DraftsFixture.json(cli.run("drafts", "show", String.valueOf(nudge), "--json"));
    assertThat(d.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(mail.getReceivedMessagesForDomain("example.com")).isEmpty();
  }
}
