package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterviewsNotesCommandTest {
  @TempDir Path dir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dir.resolve("data"));
    ok("contacts", "add", "--name", "Grace Hopper", "--email", "grace@example.org");
    ok("interviews", "schedule", "--force", "1", "--at", "2026-12-01T10:00Z");
  }

  private CliRunner.Result ok(String... args) {
    var r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  private JsonNode json(String... args) throws Exception {
    return new ObjectMapper().readTree(ok(args).out());
  }

  private Path file(String name, String yaml) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void aFileRecordsAnswersReflectionAndReferrals() throws Exception {
    Path f =
        file(
            "notes.yaml",
            """
            answers:
              1: "A hospital IT project"
            notes: "Met at the café"
            highlight: "the night-shift story"
            reflection: {resonated: "patients first", clashed: "always on call", energy: 4, continue: true}
            referrals:
              - {name: Joan Clarke, email: joan@example.org, context: "runs the data team", introduction_offered: true}
            """);
    var r = ok("interviews", "notes", "1", "--file", f.toString());
    assertThat(r.out())
        .contains("Saved notes on interview 1: 1 answer(s).")
        .contains("Referral Joan Clarke added as contact 2; draft outreach with 'outreach 2'.");
    JsonNode joan = json("contacts", "show", "2", "--json");
    assertThat(joan.get("referredBy").asLong()).isEqualTo(1);
    assertThat(joan.get("tier").asInt()).isEqualTo(4);
    assertThat(joan.get("events").toString())
        .contains("runs the data team")
        .contains("referred by Grace Hopper");
    JsonNode i = json("interviews", "list", "--json").get(0);
    assertThat(i.get("highlight").asText()).isEqualTo("the night-shift story");
    assertThat(i.get("reflection").get("energy").asInt()).isEqualTo(4);
    assertThat(i.get("reflection").get("continuePath").asBoolean()).isTrue();
    assertThat(json("contacts", "show", "1", "--json").get("events").toString())
        .contains("INTERVIEW_NOTES")
        .contains("Recommended Joan Clarke");

    String shown = ok("interviews", "show", "1").out();
    assertThat(shown)
        .contains("Interview 1 with Grace Hopper (contact 1): SCHEDULED")
        .contains("1. How did you get started")
        .contains("   A hospital IT project")
        .contains("   Met at the café")
        .contains("Highlight: the night-shift story")
        .contains("   clashed:   always on call")
        .contains(
            "   contact 2 Joan Clarke <joan@example.org>, introduction offered: runs the data team");
    JsonNode show = json("interviews", "show", "1", "--json");
    assertThat(show.get("notes").get(0).asText()).isEqualTo("Met at the café");
    assertThat(show.get("answers").get(0).get("number").asInt()).isEqualTo(1);
    assertThat(show.get("referrals").get(0).get("contactId").asLong()).isEqualTo(2);

    // The referred contact's outreach names who referred them.
    ok("outreach", "2");
    JsonNode draft = json("drafts", "show", "1", "--json");
    assertThat(draft.get("subject").asText()).isEqualTo("Grace suggested I get in touch");
  }

  @Test
  void laterNotesAddToEarlierOnes() throws Exception {
    ok(
        "interviews",
        "notes",
        "1",
        "--file",
        file("a.yaml", "answers: {1: first}\nreflection: {resonated: one, energy: 2}\n")
            .toString());
    ok(
        "interviews",
        "notes",
        "1",
        "--file",
        file("b.yaml", "answers: {1: second}\nreflection: {resonated: two}\n").toString());
    JsonNode reflection = json("interviews", "list", "--json").get(0).get("reflection");
    assertThat(reflection.get("resonated").asText()).isEqualTo("one\n\ntwo");
    assertThat(reflection.get("energy").asInt()).isEqualTo(2);
    JsonNode compare = json("interviews", "compare", "--json");
    assertThat(compare.get("questions").get(0).get("answers").findValuesAsText("answer"))
        .containsExactly("first\n\nsecond");
  }

  @Test
  void answersStayWithTheirQuestionWhenTheSetChanges() throws Exception {
    ok(
        "interviews",
        "notes",
        "1",
        "--file",
        file("a.yaml", "answers: {1: \"first answer\", 3: \"third answer\"}\n").toString());
    ok("questions", "move", "3", "1");
    JsonNode compare = json("interviews", "compare", "--json");
    assertThat(compare.get("questions").get(0).get("text").asText()).contains("hardest");
    assertThat(compare.get("questions").get(0).get("answers").get(0).get("answer").asText())
        .isEqualTo("third answer");
    ok("questions", "remove", "2"); // the former first question
    String shown = ok("interviews", "show", "1").out();
    assertThat(shown).contains("1. What is the hardest").contains("   third answer");
    assertThat(shown).contains("(retired) How did you get started").contains("   first answer");
  }

  @Test
  void aReferralAlreadyAContactIsLinkedNotDuplicated() throws Exception {
    ok("contacts", "add", "--name", "Joan Clarke", "--email", "Joan@Example.org", "--tier", "2");
    var r =
        ok(
            "interviews",
            "notes",
            "1",
            "--file",
            file("n.yaml", "referrals:\n  - {name: Joan C., email: joan@example.org}\n")
                .toString());
    assertThat(r.out()).contains("Referral Joan C. is already contact 2; linked to it.");
    JsonNode all = json("contacts", "list", "--json");
    assertThat(all.size()).isEqualTo(2);
    JsonNode joan = json("contacts", "show", "2", "--json");
    assertThat(joan.get("referredBy").asLong()).isEqualTo(1);
    assertThat(joan.get("tier").asInt()).isEqualTo(2);
    assertThat(joan.get("events").toString())
        .contains("Recommended by Grace Hopper in interview 1");
  }

  @Test
  void aMalformedFileSavesNothing() throws Exception {
    Path f =
        file(
            "bad.yaml",
            """
            answers:
              1: "kept?"
            referrals:
              - {name: Joan, email: joan@example.org}
            reflection: {energy: 9}
            """);
    var r = cli.run("interviews", "notes", "1", "--file", f.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("line 5: reflection.energy").contains("nothing was saved");
    assertThat(json("contacts", "list", "--json").size()).isEqualTo(1);
    assertThat(json("interviews", "list", "--json").get(0).get("reflection").isNull()).isTrue();
    assertThat(json("contacts", "show", "1", "--json").get("events").toString())
        .doesNotContain("INTERVIEW_NOTES");
  }

  @Test
  void answersToAQuestionNumberNotInTheSetAreRefused() throws Exception {
    var r =
        cli.run(
            "interviews", "notes", "1", "--file", file("n.yaml", "answers:\n  42: x\n").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("line 2: answers.42: there is no question 42");
  }

  @Test
  void notesNeedAnInterviewAndAKnownContact() {
    ok("contacts", "add", "--name", "Ada", "--email", "ada@example.org");
    var none = cli.run("interviews", "notes", "2");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).contains("has no interview to take notes on");
    assertThat(cli.run("interviews", "notes", "9").err()).contains("There is no contact 9.");
    assertThat(cli.run("interviews", "notes", "1", "--file", "missing.yaml").err())
        .contains("The notes file missing.yaml does not exist.");
  }

  @Test
  void interactiveNotesReadStdinQuestionByQuestion() throws Exception {
    cli.stdin(
        String.join(
            "\n",
            "How it started",
            "", // question 2 skipped
            "The hardest part",
            "",
            "",
            "",
            "",
            "",
            "", // the rest of the default set
            "free notes",
            "the mentoring story",
            "the team",
            "",
            "seven", // refused, asked again
            "5",
            "y",
            "Joan Clarke",
            "joan@",
            "joan@example.org",
            "data team",
            "n",
            ""));
    var r = ok("interviews", "notes", "1");
    assertThat(r.out())
        .contains("1. How did you get started")
        .contains("Please answer with a number from 1 to 5")
        .contains("is not a valid email address")
        .contains("Saved notes on interview 1: 2 answer(s).")
        .contains("Referral Joan Clarke added as contact 2");
    JsonNode i = json("interviews", "list", "--json").get(0);
    assertThat(i.get("highlight").asText()).isEqualTo("the mentoring story");
    assertThat(i.get("reflection").get("energy").asInt()).isEqualTo(5);
    assertThat(i.get("reflection").get("clashed").isNull()).isTrue();
  }

  @Test
  void emptyInteractiveInputSavesNothing() {
    var r = cli.run("interviews", "notes", "1");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("There was nothing to record");
  }

  @Test
  void aThankYouDraftedAtDoneFollowsTheNotesTakenAfterIt() throws Exception {
    var done = ok("interviews", "done", "1");
    assertThat(done.out()).contains("Thank-you draft");
    long id = json("drafts", "list", "--json").get(0).get("id").asLong();
    assertThat(json("drafts", "show", "" + id, "--json").get("body").asText())
        .doesNotContain("Joan Clarke");
    Path f =
        file(
            "notes.yaml",
            """
            highlight: "the night-shift story"
            referrals:
              - {name: Joan Clarke, email: joan@example.org, introduction_offered: true}
              - {name: Alan Turing, email: alan@example.org, introduction_offered: true}
            """);
    var r = ok("interviews", "notes", "1", "--file", f.toString());
    assertThat(r.out()).contains("Thank-you draft " + id + " now says what your notes say");
    assertThat(json("drafts", "show", "" + id, "--json").get("body").asText())
        .contains("the night-shift story")
        .contains("Joan Clarke and Alan Turing");
  }

  @Test
  void aThankYouTheUserEditedIsLeftAsTheyWroteIt() throws Exception {
    ok("interviews", "done", "1");
    // as 'drafts edit' leaves it: the body is the user's now
    try (dev.rapport.store.Database db =
        dev.rapport.store.DatabaseOpener.open(
            new dev.rapport.store.DataFolder(dir.resolve("data")))) {
      db.transaction(
          c ->
              dev.rapport.store.Sql.update(
                  c, "UPDATE draft SET body = 'Hi Grace, my own words.' WHERE kind = 'THANK_YOU'"));
    }
    Path f = file("notes.yaml", "highlight: \"the night-shift story\"\n");
    var r = ok("interviews", "notes", "1", "--file", f.toString());
    assertThat(r.out()).doesNotContain("Thank-you draft");
    assertThat(json("drafts", "show", "1", "--json").get("body").asText())
        .isEqualTo("Hi Grace, my own words.");
  }
}
