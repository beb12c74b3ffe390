package dev.rapport.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.InvalidInputException;
import dev.rapport.question.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotesFileTest {
  private static final List<Question> SET =
      List.of(
          new Question(11, 1, "How did you start?"),
          new Question(7, 2, "Hardest part?"),
          new Question(30, 3, "Whom else?"));

  @Test
  void readsEverySection() {
    Notes n =
        NotesFile.parse(
            """
            answers:
              1: "Through a hospital IT project"
              3: Ask Joan   # unquoted is fine
            notes: |
              Long notes,
              over two lines.
            highlight: "the night-shift story"
            reflection: {resonated: "patients first", clashed: "on call", energy: 4, continue: true}
            referrals:
              - {name: Joan Clarke, email: joan@example.org, context: "runs the data team", introduction_offered: true}
              - name: Alan Turing
                email: alan@example.org
                tier: 2
            """,
            SET,
            "n.yaml");
    assertThat(n.answers())
        .containsExactly(
            new Notes.Answer(11, 1, "Through a hospital IT project"),
            new Notes.Answer(30, 3, "Ask Joan"));
    assertThat(n.notes()).isEqualTo("Long notes,\nover two lines.");
    assertThat(n.highlight()).isEqualTo("the night-shift story");
    assertThat(n.reflection()).isEqualTo(new Reflection("patients first", "on call", 4, true));
    assertThat(n.referrals())
        .containsExactly(
            new Notes.Referral("Joan Clarke", "joan@example.org", "runs the data team", true, null),
            new Notes.Referral("Alan Turing", "alan@example.org", null, false, 2));
  }

  private static String refusal(String yaml) {
    try {
      NotesFile.parse(yaml, SET, "n.yaml");
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + yaml);
  }

  @Test
  void aQuestionNumberNotInTheSetIsRefusedWithItsLine() {
    assertThat(refusal("notes: x\nanswers:\n  1: a\n  4: b\n"))
        .contains("n.yaml was refused and nothing was saved")
        .contains("line 4: answers.4: there is no question 4; the set has questions 1 to 3");
  }

  @Test
  void unknownKeysAndWrongTypesNameLineAndPath() {
    String m =
        refusal(
            """
            notes: fine
            note: typo
            reflection:
              energy: 7
              continue: maybe
              mood: good
            referrals:
              - {name: Joan, email: not-an-address}
              - {email: a@example.org}
            """);
    assertThat(m)
        .containsSubsequence(
            "line 2: note: unknown key",
            "line 4: reflection.energy: expected a whole number from 1 to 5, not 7",
            "line 5: reflection.continue: expected true or false, not maybe",
            "line 6: reflection.mood: unknown key",
            "line 8: referrals[1].email: \"not-an-address\" is not a valid email address",
            "line 9: referrals[2].name: a referral needs a name");
  }

  @Test
  void problemsAreListedInLineOrderWhicheverCheckFoundThem() {
    // The repeated key at the end is found while reading, before any other check runs.
    String m =
        refusal(
            """
            answers:
              9: b
            mood: good
            reflection:
              energy: 7
            notes: a
            notes: b
            """);
    assertThat(m)
        .containsSubsequence(
            "line 2: answers.9: there is no question 9",
            "line 3: mood: unknown key",
            "line 5: reflection.energy",
            "line 7: \"notes\" appears twice");
  }

  @Test
  void brokenYamlIsRefusedWithItsLine() {
    assertThat(refusal("notes: fine\nanswers:\n  1: \"unclosed\n  2: b\n"))
        .contains("not valid YAML")
        .containsPattern("line [345]");
    assertThat(refusal("answers: [1, 2]\n")).contains("line 1: answers: expected question numbers");
    assertThat(refusal("")).contains("the file is empty");
    assertThat(refusal("notes: a\nnotes: b\n")).contains("line 2: \"notes\" appears twice");
  }
}
