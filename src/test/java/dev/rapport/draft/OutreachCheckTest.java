package dev.rapport.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OutreachCheckTest {
  static final OutreachCheck.Recipient STRANGER =
      new OutreachCheck.Recipient("Grace", "Navy Labs", null, false);
  static final OutreachCheck.Recipient FRIEND =
      new OutreachCheck.Recipient("Grace", null, null, true);

  /** A note that passes all five points. */
  static final String GOOD =
      """
      Hi Grace,

      Your talk on compilers at the Navy Labs open day stayed with me.

      I'm a logistics lead looking at engineering. Would you be open to a 20 minute call about your \
      work at Navy Labs? Whatever time suits you.

      I know you're busy; thank you for considering it.

      Sam""";

  static List<String> check(String body) {
    return OutreachCheck.check(body, STRANGER, "Sam");
  }

  @Test
  void aGoodNotePassesEveryPoint() {
    assertThat(check(GOOD)).isEmpty();
  }

  @Test
  void nothingBlocks_itIsAListOfPlainSentences() {
    String bad = "Hi Grace,\n\nI am sending my résumé.\n\n" + "I want this. ".repeat(40);
    List<String> warnings = check(bad);
    assertThat(warnings).hasSize(5);
    assertThat(warnings).allSatisfy(w -> assertThat(w).endsWith("."));
  }

  @Nested
  class Length {
    @Test
    void over100WordsWarnsWithTheCount() {
      String body = GOOD.replace("Whatever time suits you.", "You know this. ".repeat(30));
      assertThat(check(body))
          .anySatisfy(w -> assertThat(w).matches("It is 1[0-9][0-9] words; notes under 100 .*"));
    }

    @Test
    void theGreetingAndTheSignatureAreNotCounted() {
      String body = "Hi Grace,\n\nCould you tell me about your day? " + "You ".repeat(93);
      assertThat(
              OutreachCheck.check(
                  body + "\n\nSam\nsam.example.org", FRIEND, "Sam\nsam.example.org"))
          .isEmpty();
      assertThat(OutreachCheck.check(body + "\n\nSam\nsam.example.org", FRIEND, "Sam"))
          .anySatisfy(w -> assertThat(w).startsWith("It is 104 words"));
    }

    @Test
    void placeholderTextIsNotCounted() {
      String body = "Hi Grace,\n\n[[why you: " + "word ".repeat(120) + "]]\n\nCould we talk?";
      assertThat(check(body)).noneSatisfy(w -> assertThat(w).contains("words"));
    }
  }

  @Nested
  class Question {
    @Test
    void noQuestionMarkWarns() {
      String body = GOOD.replace("about your work at Navy Labs?", "about your work at Navy Labs.");
      assertThat(check(body)).anySatisfy(w -> assertThat(w).startsWith("It asks no question"));
    }

    @Test
    void aQuestionAnywhereIsEnough() {
      assertThat(check(GOOD)).noneSatisfy(w -> assertThat(w).contains("question"));
    }
  }

  @Nested
  class AboutThem {
    @Test
    void moreSentencesAboutTheWriterWarns() {
      String body =
          GOOD.replace(
              "I'm a logistics lead looking at engineering.",
              "I'm a logistics lead. I love my job. I want a change. My skills are broad.");
      assertThat(check(body))
          .anySatisfy(
              w ->
                  assertThat(w)
                      .startsWith("More of it is about you (4 sentences) than about them (3)"));
    }

    @Test
    void sentencesWithAsMuchOfBothCountForNeither() {
      String body = "Hi Grace,\n\nYour talk stayed with me. I know you're busy. Could we talk?";
      assertThat(check(body)).noneSatisfy(w -> assertThat(w).contains("about you"));
    }
  }

  @Nested
  class NoJob {
    @Test
    void askingForAJobOrSendingACvWarns() {
      for (String ask :
          List.of(
              "Are there any openings on your team?",
              "I've attached my CV.",
              "Could you pass my résumé along?",
              "Is Navy Labs hiring?",
              "I'd love a job at Navy Labs.",
              "Any job leads would help.")) {
        assertThat(check(GOOD.replace("Whatever time suits you.", ask)))
            .as(ask)
            .anySatisfy(w -> assertThat(w).startsWith("It asks for a job or sends a CV"));
      }
    }

    @Test
    void talkingAboutTheirJobOrSayingYouAreNotAskingDoesNot() {
      for (String fine :
          List.of(
              "I'd love to hear about your job.",
              "I'm not asking about openings.",
              "I won't send a CV.",
              "Tell me about your role.")) {
        assertThat(check(GOOD.replace("Whatever time suits you.", fine)))
            .as(fine)
            .noneSatisfy(w -> assertThat(w).contains("job or sends a CV"));
      }
    }
  }

  @Nested
  class FirstLine {
    static final String WARNING = "The first line names no connection";

    @Test
    void aFirstLineWithoutANameOrConnectionWarns() {
      String body =
          GOOD.replace(
              "Your talk on compilers at the Navy Labs open day stayed with me.",
              "I'm exploring a change.");
      assertThat(check(body)).anySatisfy(w -> assertThat(w).startsWith(WARNING));
    }

    @Test
    void aReferrerACompanyANameOrAConnectionWordIsEnough() {
      OutreachCheck.Recipient referred = new OutreachCheck.Recipient("Grace", null, "Alan", false);
      assertThat(
              OutreachCheck.check(
                  "Hi Grace,\n\nalan suggested I write. Could we talk?", referred, null))
          .noneSatisfy(w -> assertThat(w).startsWith(WARNING));
      for (String first :
          List.of(
              "I saw what navy labs is building.",
              "We are both alumni of the same school.",
              "I read your article on compilers.",
              "A friend at Duke mentioned your work.")) {
        assertThat(check("Hi Grace,\n\n" + first + " Could we talk about your work?"))
            .as(first)
            .noneSatisfy(w -> assertThat(w).startsWith(WARNING));
      }
    }

    @Test
    void aPlaceholderInTheFirstLineIsWhereTheConnectionWillGo() {
      assertThat(check("Hi Grace,\n\n[[why you]]\n\nI'm exploring a change. Could we talk?"))
          .noneSatisfy(w -> assertThat(w).startsWith(WARNING));
    }

    @Test
    void peopleWhoKnowYouNeedNoConnectionNamed() {
      assertThat(
              OutreachCheck.check(
                  "Hi Grace,\n\nI hope you're well! Could we talk about your work?", FRIEND, null))
          .isEmpty();
    }
  }
}
