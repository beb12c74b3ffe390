package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.Sql;
import dev.rapport.template.DefaultTemplates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextCommandTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, BERLIN);

  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    Path templates = DefaultTemplates.copyTo(dir.resolve("templates"));
    Path config = dir.resolve("rapport.yaml");
    DraftsFixture.write(
        config,
        """
        me: {name: Sam Rivera, email: sam@example.org, signature: Sam}
        pacing: {timezone: Europe/Berlin, weekly_goal: 5}
        templates: "%s"
        """
            .formatted(templates));
    cli = new CliRunner(dir.resolve("data"), config);
  }

  void at(Instant t) {
    cli.clock(Clock.fixed(t, BERLIN));
  }

  long add(Instant when, String name, int tier, String... more) {
    at(when);
    List<String> args =
        new ArrayList<>(
            List.of(
                "contacts",
                "add",
                "--name",
                name,
                "--email",
                name.toLowerCase() + "@example.org",
                "--tier",
                String.valueOf(tier)));
    args.addAll(List.of(more));
    var r = cli.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    at(NOW.toInstant());
    return Long.parseLong(r.out().strip());
  }

  JsonNode next(String... more) {
    List<String> args = new ArrayList<>(List.of("next", "--json"));
    args.addAll(List.of(more));
    return DraftsFixture.json(cli.run(args.toArray(String[]::new)));
  }

  static List<String> names(JsonNode next) {
    List<String> names = new ArrayList<>();
    for (JsonNode s : next.get("suggestions")) names.add(s.get("name").asText());
    return names;
  }

  Instant daysAgo(int days) {
    return NOW.minusDays(days).toInstant();
  }

  @Test
  void freshReferralsFirstThenClosestTierOldestFirstWithinTheWeeksRoom() {
    add(daysAgo(40), "Avery", 3);
    long bo = add(daysAgo(30), "Bo", 1);
    long cy = add(daysAgo(30), "Cy", 2);
    add(daysAgo(10), "Dee", 1);
    add(daysAgo(1), "Eli", 4, "--referred-by", String.valueOf(bo));
    add(daysAgo(20), "Fay", 4, "--referred-by", String.valueOf(cy)); // no longer fresh
    add(daysAgo(50), "Gus", 4);

    JsonNode next = next();
    assertThat(next.get("weeklyGoal").asInt()).isEqualTo(5);
    assertThat(next.get("remaining").asInt()).isEqualTo(5);
    assertThat(names(next)).containsExactly("Eli", "Bo", "Dee", "Cy", "Avery");
    JsonNode eli = next.get("suggestions").get(0);
    assertThat(eli.get("referredBy").get("name").asText()).isEqualTo("Bo");
    assertThat(eli.get("reason").asText()).isEqualTo("referred by Bo yesterday");
    assertThat(next.get("suggestions").get(1).get("reason").asText())
        .isEqualTo("tier 1: one of the people closest to you");

    assertThat(names(next("--count", "2"))).containsExactly("Eli", "Bo");
  }

  @Test
  void withinATierCareerLevelsTakeTurns() {
    add(daysAgo(30), "Sen1", 2, "--level", "SENIOR");
    add(daysAgo(29), "Sen2", 2, "--level", "SENIOR");
    add(daysAgo(28), "Sen3", 2, "--level", "SENIOR");
    add(daysAgo(27), "Emm1", 2, "--level", "EMERGING");
    add(daysAgo(26), "Mid1", 2, "--level", "MID");
    add(daysAgo(25), "Emm2", 2, "--level", "EMERGING");
    add(daysAgo(40), "Close", 1, "--level", "SENIOR");

    JsonNode next = next();
    // Tier 1 stays first; then the levels least offered so far go next, oldest first on a tie.
    assertThat(names(next)).containsExactly("Close", "Emm1", "Mid1", "Sen1", "Emm2");
    assertThat(next.get("suggestions").get(1).get("level").asText()).isEqualTo("EMERGING");
  }

  @Test
  void draftingUsesUpTheWeekAndThenItSaysTheGoalIsMet() {
    for (int i = 0; i < 7; i++) add(daysAgo(10 - i), "Person" + (char) ('A' + i), 2);
    var first = cli.run("next", "--draft", "--count", "2");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out())
        .contains("Drafted draft 1 for contact 1.", "Drafted draft 2 for contact 2.");

    JsonNode after = next();
    assertThat(after.get("waiting").asInt()).isEqualTo(2);
    assertThat(after.get("remaining").asInt()).isEqualTo(3);
    assertThat(names(after)).containsExactly("PersonC", "PersonD", "PersonE");

    JsonNode drafted = next("--draft");
    assertThat(drafted.get("drafted").size()).isEqualTo(3);
    assertThat(drafted.get("drafted").get(0).get("draftId").asLong()).isEqualTo(3);

    JsonNode full = next();
    assertThat(full.get("remaining").asInt()).isZero();
    assertThat(full.get("suggestions").isEmpty()).isTrue();
    var text = cli.run("next");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .contains("This week: 0 of 5 new outreach sent, 5 drafted or queued; room for 0 more.")
        .contains("That is this week's goal");
  }

  @Test
  void peopleAlreadyWrittenToOrPastNewAreNotSuggested() {
    long ada = add(daysAgo(5), "Ada", 1);
    long bo = add(daysAgo(5), "Bo", 1);
    add(daysAgo(5), "Cy", 1);
    var stage = cli.run("contacts", "stage", String.valueOf(ada), "REPLIED");
    assertThat(stage.exitCode()).isZero();
    var outreach = cli.run("outreach", String.valueOf(bo));
    assertThat(outreach.exitCode()).isZero();
    var reject = cli.run("drafts", "reject", "1");
    assertThat(reject.exitCode()).isZero();
    assertThat(names(next())).containsExactly("Cy");
  }

  @Test
  void outreachThatWasCancelledOrFailedLeavesThePersonSuggestedWithTheirReferrer() {
    long ada = add(daysAgo(9), "Ada", 1);
    long bo = add(daysAgo(8), "Bo", 1, "--referred-by", String.valueOf(ada));
    long cy = add(daysAgo(7), "Cy", 1);
    long dee = add(daysAgo(6), "Dee", 1);
    // Ada is past NEW; the referral's name still comes from her row
    assertThat(cli.run("contacts", "stage", String.valueOf(ada), "REPLIED").exitCode()).isZero();
    for (long id : List.of(bo, cy, dee))
      assertThat(cli.run("outreach", String.valueOf(id)).exitCode()).isZero();
    try (Database db = DatabaseOpener.open(new DataFolder(dir.resolve("data")))) {
      db.transaction(
          c ->
              Sql.update(
                  c,
                  "UPDATE draft SET status = CASE contact_id WHEN ? THEN 'CANCELLED'"
                      + " WHEN ? THEN 'FAILED' ELSE status END",
                  bo,
                  cy));
    }
    JsonNode next = next();
    assertThat(names(next)).containsExactly("Bo", "Cy"); // Dee's draft is still pending
    assertThat(next.get("suggestions").get(0).get("referredBy").get("name").asText())
        .isEqualTo("Ada");
    assertThat(next.get("suggestions").get(1).get("referredBy").isNull()).isTrue();
  }

  @Test
  void aCountBelowOneIsRefused() {
    var r = cli.run("next", "--count", "0");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("--count: expected 1 or more, but found 0");
  }

  @Test
  void withNobodyLeftItSaysHowToAddPeople() {
    var r = cli.run("next");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains(
            "Nobody is left to write to: 0 contacts are NEW. Add people with 'contacts add' or 'contacts import'.");
    assertThat(next().get("whyEmpty").asText()).startsWith("Nobody is left to write to");
  }

  @Test
  void freshReferralsAreListedBeyondTheWeeklyGoal() {
    for (int i = 0; i < 6; i++) add(daysAgo(20 - i), "Person" + (char) ('A' + i), 2);
    var drafted = cli.run("next", "--draft");
    assertThat(drafted.exitCode()).as(drafted.toString()).isZero();
    long bo = add(daysAgo(2), "Bo", 1, "--referred-by", "1");
    add(daysAgo(30), "Stale", 1, "--referred-by", "2");

    JsonNode next = next();
    assertThat(next.get("remaining").asInt()).isZero();
    assertThat(names(next)).containsExactly("Bo");
    assertThat(next.get("whyEmpty").isNull()).isTrue();
    var text = cli.run("next");
    assertThat(text.out())
        .contains("Bo", "referred by PersonA 2 days ago", "whatever the weekly goal");

    var once = cli.run("outreach", String.valueOf(bo));
    assertThat(once.exitCode()).isZero();
    JsonNode empty = next();
    assertThat(names(empty)).isEmpty();
    assertThat(empty.get("whyEmpty").asText())
        .isEqualTo(
            "That is this week's goal of 5: 0 outreach sent since Monday, 6 drafted or queued."
                + " No more suggestions until Monday (or raise pacing.weekly_goal); fresh referrals still show here.");
  }

  @Test
  void whenEveryNewContactHasOutreachItSaysSoAndCountsTheReferrals() {
    long ada = add(daysAgo(5), "Ada", 1);
    add(daysAgo(1), "Bo", 1, "--referred-by", String.valueOf(ada));
    cli.run("contacts", "stage", String.valueOf(ada), "REPLIED");
    var r = cli.run("outreach", "2");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    var text = cli.run("next");
    assertThat(text.out())
        .contains(
            "Nobody is left to write to: the 1 NEW contact has outreach drafted, queued or rejected (1 referral among them).");
  }
}
