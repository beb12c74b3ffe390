package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 1 from the command line: a pitch per hypothesis, the outreach check in {@code
 * drafts show} (text and JSON, never blocking), and a thank-you naming each introduction offered.
 */
class CarefulDraftsCommandTest {
  @TempDir Path dir;
  DraftsFixture f;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    f = new DraftsFixture(dir);
    cli = f.cli;
  }

  CliRunner.Result ok(String... args) {
    var r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void aHypothesisPitchIsWhatItsContactsAreTold() throws Exception {
    ok(
        "hypotheses",
        "add",
        "Product management in health tech",
        "--pitch",
        "ten years in hospital logistics, now looking at product roles");
    ok("hypotheses", "add", "AI in health");
    long ada = f.contact("Ada Lovelace", "ada@example.org", "--hypothesis", "1");
    long bob = f.contact("Bob Kahn", "bob@example.org", "--hypothesis", "2");
    JsonNode first = f.draft(f.outreach(ada));
    assertThat(first.get("body").asText())
        .contains("Ten years in hospital logistics, now looking at product roles.")
        .doesNotContain("roduct management in health tech");
    assertThat(f.draft(f.outreach(bob)).get("body").asText())
        .contains("I'm exploring one idea in particular: AI in health.");

    assertThat(ok("hypotheses", "pitch", "2", "Clinician", "turned", "data", "person.").out())
        .contains("Hypothesis 2 pitch: Clinician turned data person.");
    assertThat(ok("hypotheses", "show", "2").out())
        .contains("Pitch: Clinician turned data person.");
    JsonNode list = DraftsFixture.json(cli.run("hypotheses", "list", "--json"));
    assertThat(list.get(1).get("pitch").asText()).isEqualTo("Clinician turned data person.");
    ok("drafts", "reject", "2");
    assertThat(f.draft(f.outreach(bob)).get("body").asText())
        .contains("Clinician turned data person.")
        .doesNotContain("AI in health");

    assertThat(ok("hypotheses", "pitch", "2", "--clear").out()).contains("uses me.pitch");
    assertThat(
            DraftsFixture.json(cli.run("hypotheses", "list", "--json"))
                .get(1)
                .get("pitch")
                .isNull())
        .isTrue();
    assertThat(cli.run("hypotheses", "pitch", "2").exitCode()).isNotZero();
  }

  @Test
  void theOutreachCheckWarnsInDraftsShowButNeverBlocks() throws Exception {
    long ada = f.contact("Ada Lovelace", "ada@example.org");
    long good = f.outreach(ada);
    assertThat(f.draft(good).get("warnings")).isEmpty();
    assertThat(ok("drafts", "show", String.valueOf(good)).out()).doesNotContain("[check:");
    ok("drafts", "reject", String.valueOf(good));

    Files.writeString(
        f.templates.resolve("outreach.ftl"),
        "Subject: Hello\n\nHi ${contact.firstName},\n\nI am looking for a new job. My CV is"
            + " attached.\n\n${me.signature}\n");
    long bad = f.outreach(ada);
    var shown = ok("drafts", "show", String.valueOf(bad));
    assertThat(shown.out())
        .contains("[check: It asks no question.")
        .contains("[check: It asks for a job or sends a CV (\"looking for a new job\"")
        .contains("[check: More of it is about you (2 sentences) than about them (0).")
        .contains("[check: The first line names no connection.");
    JsonNode warnings = f.draft(bad).get("warnings");
    assertThat(warnings).hasSize(4);
    assertThat(warnings.get(0).asText()).startsWith("It asks no question.");
    assertThat(ok("drafts", "approve", String.valueOf(bad)).out()).contains("Approved");
  }

  @Test
  void theThankYouNamesEachIntroductionOffered() throws Exception {
    f.contact("Grace Hopper", "grace@example.org");
    ok("interviews", "done", "1", "--no-thank-you");
    Path notes = dir.resolve("notes.yaml");
    Files.writeString(
        notes,
        """
        highlight: "the night-shift story"
        referrals:
          - {name: Joan Clarke, email: joan@example.org, introduction_offered: true}
          - {name: Mary Somerville, email: mary@example.org, introduction_offered: false}
          - {name: Alan Turing, email: alan@example.org, introduction_offered: true}
        """);
    ok("interviews", "notes", "1", "--file", notes.toString());
    ok("interviews", "thank", "1");
    JsonNode thanks = f.draftsJson().get(0);
    assertThat(thanks.get("kind").asText()).isEqualTo("THANK_YOU");
    assertThat(thanks.get("warnings").isNull()).as("not computed in lists").isTrue();
    assertThat(thanks.get("body").asText())
        .contains("what you said about the night-shift story")
        .contains(
            "Thank you also for offering to introduce me to Joan Clarke and Alan Turing."
                + " Whenever it suits you, a short email to each, copying me, would be wonderful;")
        .doesNotContain("Mary");
    assertThat(f.draft(thanks.get("id").asLong()).get("warnings")).isEmpty();
  }
}
