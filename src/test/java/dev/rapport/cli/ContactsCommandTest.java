package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactsCommandTest {
  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dir.resolve("data"));
  }

  @Nested
  class Add {
    @Test
    void printsTheNewId() {
      var r =
          cli.run(
              "contacts",
              "add",
              "--name",
              "Grace Hopper",
              "--email",
              "grace@navy.example.org",
              "--tier",
              "2");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out().strip()).isEqualTo("1");
    }

    @Test
    void refusesAnAddressThatDiffersOnlyInCase() {
      cli.run("contacts", "add", "--name", "Grace", "--email", "grace@example.org");
      var r = cli.run("contacts", "add", "--name", "Other", "--email", "GRACE@Example.ORG");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("already contact 1");
      assertThat(cli.run("contacts", "list", "--json").out()).doesNotContain("Other");
    }

    @Test
    void refusesLineBreaksInFieldsThatReachHeaders() {
      var r =
          cli.run(
              "contacts",
              "add",
              "--name",
              "Eve\r\nBcc: victim@example.org",
              "--email",
              "eve@example.org");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("name:").contains("CR");
      var company =
          cli.run(
              "contacts",
              "add",
              "--name",
              "Eve",
              "--email",
              "eve@example.org",
              "--company",
              "A\nB");
      assertThat(company.err()).contains("company:");
    }

    @Test
    void refusesAnInvalidAddressSayingWhy() {
      var r = cli.run("contacts", "add", "--name", "X", "--email", "x@localhost");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("not a valid email address");
    }

    @Test
    void refusesATierOutOfRange() {
      var r = cli.run("contacts", "add", "--name", "X", "--email", "x@example.org", "--tier", "7");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("tier");
    }

    @Test
    void refusesAMissingRequiredOptionAsBadUsage() {
      var r = cli.run("contacts", "add", "--name", "X");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("--email");
    }

    @Test
    void refusesAReferrerThatDoesNotExist() {
      var r =
          cli.run(
              "contacts", "add", "--name", "X", "--email", "x@example.org", "--referred-by", "42");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("no contact 42");
    }
  }

  @Test
  void listGivesTheContractJson() throws Exception {
    cli.run("hypotheses", "add", "product", "management");
    cli.run(
        "contacts",
        "add",
        "--name",
        "Ada",
        "--email",
        "ada@example.org",
        "--company",
        "Engines",
        "--role",
        "Analyst",
        "--tier",
        "1",
        "--hypothesis",
        "1");
    var r = cli.run("contacts", "list", "--json");
    assertThat(r.exitCode()).isZero();
    JsonNode list = new ObjectMapper().readTree(r.out());
    JsonNode ada = list.get(0);
    assertThat(ada.get("id").asLong()).isEqualTo(1);
    assertThat(ada.get("name").asText()).isEqualTo("Ada");
    assertThat(ada.get("tier").asInt()).isEqualTo(1);
    assertThat(ada.get("stage").asText()).isEqualTo("NEW");
    assertThat(ada.get("hypothesisId").asLong()).isEqualTo(1);
    assertThat(ada.has("referredBy")).isTrue();
    assertThat(ada.get("createdAt").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT.*(Z|[+-]\\d\\d:\\d\\d)");
  }

  @Test
  void listFiltersByStageAndRefusesAnUnknownStage() {
    cli.run("contacts", "add", "--name", "Ada", "--email", "ada@example.org");
    cli.run("contacts", "add", "--name", "Bob", "--email", "bob@example.org");
    cli.run("contacts", "stage", "2", "DECLINED");
    assertThat(cli.run("contacts", "list", "--stage", "declined").out())
        .contains("Bob")
        .doesNotContain("Ada");
    var bad = cli.run("contacts", "list", "--stage", "MAYBE");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("not a stage");
  }

  @Test
  void manualStageMoveIsOnTheTimeline() throws Exception {
    cli.run(
        "contacts",
        "add",
        "--name",
        "Ada",
        "--email",
        "ada@example.org",
        "--note",
        "met at the meetup");
    var moved = cli.run("contacts", "stage", "1", "REPLIED", "--note", "answered by phone");
    assertThat(moved.exitCode()).as(moved.toString()).isZero();
    JsonNode show = new ObjectMapper().readTree(cli.run("contacts", "show", "1", "--json").out());
    assertThat(show.get("stage").asText()).isEqualTo("REPLIED");
    assertThat(show.get("events").toString())
        .contains("met at the meetup")
        .contains("NEW → REPLIED by hand: answered by phone");
    assertThat(show.has("next")).isTrue();
  }

  @Nested
  class Level {
    @Test
    void aCareerLevelIsKeptAndShown() throws Exception {
      var r =
          cli.run(
              "contacts",
              "add",
              "--name",
              "Ada",
              "--email",
              "ada@example.org",
              "--level",
              "senior");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      JsonNode show = new ObjectMapper().readTree(cli.run("contacts", "show", "1", "--json").out());
      assertThat(show.get("level").asText()).isEqualTo("SENIOR");
      assertThat(cli.run("contacts", "show", "1").out()).contains("tier 4 · senior");
      cli.run("contacts", "add", "--name", "Bo", "--email", "bo@example.org");
      JsonNode bo = new ObjectMapper().readTree(cli.run("contacts", "show", "2", "--json").out());
      assertThat(bo.get("level").isNull()).isTrue();
    }

    @Test
    void anUnknownLevelIsRefusedAndNothingIsAdded() throws Exception {
      var r =
          cli.run(
              "contacts", "add", "--name", "Ada", "--email", "ada@example.org", "--level", "guru");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err().strip())
          .isEqualTo("level: \"guru\" is not a career level; expected EMERGING, MID or SENIOR");
      assertThat(cli.run("contacts", "list", "--json").out().strip()).isEqualTo("[ ]");
    }
  }

  @Nested
  class Note {
    @Test
    void aResearchNoteIsADatedEventOnTheTimeline() throws Exception {
      cli.clock(
          java.time.Clock.fixed(
              java.time.Instant.parse("2026-11-20T09:15:00Z"), java.time.ZoneOffset.UTC));
      cli.run("contacts", "add", "--name", "Ada", "--email", "ada@example.org");
      var r = cli.run("contacts", "note", "1", "gave a talk on supply chains", "at HIMSS 2025");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out().strip()).isEqualTo("Noted on contact 1 (Ada).");
      JsonNode events =
          new ObjectMapper()
              .readTree(cli.run("contacts", "show", "1", "--json").out())
              .get("events");
      JsonNode last = events.get(events.size() - 1);
      assertThat(last.get("type").asText()).isEqualTo("NOTE");
      assertThat(last.get("detail").asText())
          .isEqualTo("gave a talk on supply chains at HIMSS 2025");
      assertThat(last.get("at").asText()).startsWith("2026-11-20T");
    }

    @Test
    void anEmptyNoteOrAMissingContactIsRefusedAndNothingIsRecorded() throws Exception {
      cli.run("contacts", "add", "--name", "Ada", "--email", "ada@example.org");
      var empty = cli.run("contacts", "note", "1", "  ");
      assertThat(empty.exitCode()).isEqualTo(1);
      assertThat(empty.err().strip()).isEqualTo("note: the note is empty");
      var missing = cli.run("contacts", "note", "9", "hello");
      assertThat(missing.exitCode()).isEqualTo(1);
      assertThat(missing.err().strip()).isEqualTo("There is no contact 9.");
      var noText = cli.run("contacts", "note", "1");
      assertThat(noText.exitCode()).isEqualTo(2);
      JsonNode events =
          new ObjectMapper()
              .readTree(cli.run("contacts", "show", "1", "--json").out())
              .get("events");
      assertThat(events.toString()).doesNotContain("\"NOTE\"");
    }
  }

  @Nested
  class Keep {
    @Test
    void markingIsShownInShowAndListAndIsOnTheTimeline() throws Exception {
      cli.run("contacts", "add", "--name", "Ada Lovelace", "--email", "ada@example.org");
      JsonNode before =
          new ObjectMapper().readTree(cli.run("contacts", "show", "1", "--json").out());
      assertThat(before.get("keepInTouch").asBoolean()).isFalse();

      var r = cli.run("contacts", "keep", "1");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out()).contains("Contact 1 (Ada Lovelace) is marked to keep in touch with.");
      JsonNode show = new ObjectMapper().readTree(cli.run("contacts", "show", "1", "--json").out());
      assertThat(show.get("keepInTouch").asBoolean()).isTrue();
      assertThat(show.get("events").toString())
          .contains("KEEP_IN_TOUCH_MARKED")
          .contains("marked to keep in touch with");
      JsonNode list = new ObjectMapper().readTree(cli.run("contacts", "list", "--json").out());
      assertThat(list.get(0).get("keepInTouch").asBoolean()).isTrue();
      assertThat(cli.run("contacts", "show", "1").out()).contains("marked to keep in touch with");

      var off = cli.run("contacts", "keep", "1", "--off");
      assertThat(off.exitCode()).as(off.toString()).isZero();
      assertThat(off.out()).contains("no longer marked").contains("drafts reject");
      JsonNode after =
          new ObjectMapper().readTree(cli.run("contacts", "show", "1", "--json").out());
      assertThat(after.get("keepInTouch").asBoolean()).isFalse();
      assertThat(after.get("events").toString()).contains("no longer marked to keep in touch with");
    }

    @Test
    void addCanMark() throws Exception {
      var r = cli.run("contacts", "add", "--name", "Ada", "--email", "ada@example.org", "--keep");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      JsonNode show = new ObjectMapper().readTree(cli.run("contacts", "show", "1", "--json").out());
      assertThat(show.get("keepInTouch").asBoolean()).isTrue();
      assertThat(show.get("events").toString()).contains("KEEP_IN_TOUCH_MARKED");
    }

    @Test
    void aMarkAgainChangesNothingAndAMissingContactOrNoIdIsRefused() throws Exception {
      cli.run("contacts", "add", "--name", "Ada", "--email", "ada@example.org", "--keep");
      assertThat(cli.run("contacts", "keep", "1").exitCode()).isZero();
      JsonNode events =
          new ObjectMapper()
              .readTree(cli.run("contacts", "show", "1", "--json").out())
              .get("events");
      long marks =
          java.util.stream.StreamSupport.stream(events.spliterator(), false)
              .filter(e -> e.get("type").asText().equals("KEEP_IN_TOUCH_MARKED"))
              .count();
      assertThat(marks).as("marked once, at add").isEqualTo(1);
      var missing = cli.run("contacts", "keep", "9");
      assertThat(missing.exitCode()).isEqualTo(1);
      assertThat(missing.err().strip()).isEqualTo("There is no contact 9.");
      assertThat(cli.run("contacts", "keep").exitCode()).isEqualTo(2);
      assertThat(cli.run("contacts", "keep", "--help").out()).contains("--off");
    }

    @Test
    void unmarkingAThankedContactSaysNotesStillFollowTheInterview() {
      cli.run("contacts", "add", "--name", "Ada", "--email", "ada@example.org", "--keep");
      cli.run("contacts", "stage", "1", "THANKED");
      var off = cli.run("contacts", "keep", "1", "--off");
      assertThat(off.exitCode()).isZero();
      assertThat(off.out()).contains("still follow the interview").contains("PAUSED");
    }
  }

  @Nested
  class Timezone {
    @Test
    void aZoneIsSetShownAndCleared() throws Exception {
      var added =
          cli.run(
              "contacts",
              "add",
              "--name",
              "Ada",
              "--email",
              "ada@example.org",
              "--timezone",
              "Europe/Paris");
      assertThat(added.exitCode()).as(added.toString()).isZero();
      JsonNode show = new ObjectMapper().readTree(cli.run("contacts", "show", "1", "--json").out());
      assertThat(show.get("timezone").asText()).isEqualTo("Europe/Paris");
      assertThat(cli.run("contacts", "show", "1").out()).contains("time zone Europe/Paris");

      var set = cli.run("contacts", "timezone", "1", "Asia/Tokyo");
      assertThat(set.exitCode()).as(set.toString()).isZero();
      assertThat(set.out()).contains("Contact 1 (Ada) is in Asia/Tokyo.");
      JsonNode list = new ObjectMapper().readTree(cli.run("contacts", "list", "--json").out());
      assertThat(list.get(0).get("timezone").asText()).isEqualTo("Asia/Tokyo");

      var cleared = cli.run("contacts", "timezone", "1", "--clear");
      assertThat(cleared.exitCode()).as(cleared.toString()).isZero();
      assertThat(cleared.out()).contains("no time zone of its own");
      JsonNode after =
          new ObjectMapper().readTree(cli.run("contacts", "show", "1", "--json").out());
      assertThat(after.get("timezone").isNull()).isTrue();
      assertThat(after.get("events").toString())
          .contains("TIMEZONE_SET")
          .contains("time zone Asia/Tokyo (was Europe/Paris)")
          .contains("time zone cleared (was Asia/Tokyo)");
    }

    @Test
    void aBadZoneIsRefusedNamingIt() {
      var add =
          cli.run(
              "contacts",
              "add",
              "--name",
              "Ada",
              "--email",
              "ada@example.org",
              "--timezone",
              "Mars/Olympus");
      assertThat(add.exitCode()).isEqualTo(1);
      assertThat(add.err()).contains("\"Mars/Olympus\" is not a time zone");
      assertThat(cli.run("contacts", "list", "--json").out()).doesNotContain("Ada");

      cli.run("contacts", "add", "--name", "Ada", "--email", "ada@example.org");
      var set = cli.run("contacts", "timezone", "1", "Europe/Pariss");
      assertThat(set.exitCode()).isEqualTo(1);
      assertThat(set.err()).contains("Europe/Pariss");
      assertThat(cli.run("contacts", "timezone", "1").exitCode())
          .as("a zone or --clear")
          .isEqualTo(2);
      assertThat(cli.run("contacts", "timezone", "1", "Asia/Tokyo", "--clear").exitCode())
          .as("not both")
          .isEqualTo(2);
    }
  }

  @Test
  void movingToTheSameStageIsRefused() {
    cli.run("contacts", "add", "--name", "Ada", "--email", "ada@example.org");
    var r = cli.run("contacts", "stage", "1", "NEW");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("already NEW");
  }

  @Test
  void showOfAMissingContactSaysSo() {
    var r = cli.run("contacts", "show", "99");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("There is no contact 99.");
  }
}
