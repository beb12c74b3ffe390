package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A month of interviews compared, and the hypothesis they speak to. */
class InterviewsCompareCommandTest {
  @TempDir Path dir;
  CliRunner cli;

  private static final String LONG =
      "I started in hospital logistics and moved into product after building the scheduling tool"
          + " the nurses asked for; it took three years and a lot of listening.";

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliRunner(dir.resolve("data")).env("COLUMNS", "80");
    ok("hypotheses", "add", "Product management in health tech");
    ok(
        "contacts",
        "add",
        "--name",
        "Grace Hopper",
        "--email",
        "grace@example.org",
        "--hypothesis",
        "1");
    ok("contacts", "add", "--name", "Joan Clarke", "--email", "joan@example.org");
    ok("interviews", "schedule", "--force", "1", "--at", "2026-12-01T10:00Z");
    ok("interviews", "schedule", "--force", "2", "--at", "2026-12-03T10:00Z");
    notes(
        1,
        "answers: {1: \""
            + LONG
            + "\", 2: \"The patients\"}\n"
            + "reflection: {resonated: \"close to patients\", clashed: \"on call at night\", energy: 5, continue: true}\n");
    notes(2, "answers: {2: \"Shipping\"}\n");
    ok("interviews", "done", "1");
    ok("interviews", "done", "2");
  }

  private void notes(int contact, String yaml) throws Exception {
    Path f = dir.resolve("n" + contact + ".yaml");
    Files.writeString(f, yaml);
    ok("interviews", "notes", String.valueOf(contact), "--file", f.toString());
  }

  private CliRunner.Result ok(String... args) {
    var r = cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void answersSideBySideQuestionByQuestion() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ok("interviews", "compare", "--json").out());
    JsonNode q2 = json.get("questions").get(1);
    assertThat(q2.get("number").asInt()).isEqualTo(2);
    assertThat(q2.get("answers").findValuesAsText("contact"))
        .containsExactly("Grace Hopper", "Joan Clarke");
    assertThat(q2.get("answers").findValuesAsText("answer"))
        .containsExactly("The patients", "Shipping");
    assertThat(q2.get("answers").get(0).get("date").asText()).startsWith("2026-12-01T10:00");
    assertThat(json.get("questions").get(0).get("answers").get(1).get("answer").isNull()).isTrue();
  }

  @Test
  void theTerminalTableWrapsLongAnswers() {
    String out = ok("interviews", "compare").out();
    assertThat(out).contains("1. How did you get started");
    assertThat(out).contains("   CONTACT       DATE        ANSWER");
    assertThat(out).contains("   Grace Hopper  2026-12-01  I started in hospital logistics");
    assertThat(out).contains("   Joan Clarke   2026-12-03  —");
    for (String line : out.split("\n")) assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
    // the continuation sits under the answer column
    assertThat(out).containsPattern("\n {29}product after");
  }

  @Test
  void aHypothesisNarrowsTheComparisonAndShowsItsEvidence() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(ok("interviews", "compare", "--hypothesis", "1", "--json").out());
    assertThat(json.get("questions").get(1).get("answers").findValuesAsText("contact"))
        .containsExactly("Grace Hopper");
    var missing = cli.run("interviews", "compare", "--hypothesis", "9");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("There is no hypothesis 9.");

    String shown = ok("hypotheses", "show", "1").out();
    assertThat(shown)
        .contains("Hypothesis 1: Product management in health tech")
        .contains("Grace Hopper (contact 1)")
        .contains("resonated: close to patients")
        .contains("clashed:   on call at night")
        .contains("energy 5/5 · continue on this path")
        .doesNotContain("Joan");
    ok("hypotheses", "resolve", "1", "--validated", "--note", "patients first");
    JsonNode h = new ObjectMapper().readTree(ok("hypotheses", "show", "1", "--json").out());
    assertThat(h.get("status").asText()).isEqualTo("VALIDATED");
    assertThat(h.get("note").asText()).isEqualTo("patients first");
    assertThat(h.get("interviews").get(0).get("reflection").get("energy").asInt()).isEqualTo(5);
    assertThat(cli.run("hypotheses", "show", "7").err()).contains("There is no hypothesis 7.");
  }
}
