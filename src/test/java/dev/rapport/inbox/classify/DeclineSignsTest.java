package dev.rapport.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeclineSignsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Hi Ada, unfortunately I don't have time for this at the moment. Best, Bo",
        "I'm afraid I can't help with this one.",
        "Thanks for reaching out, but I will have to pass.",
        "I'm too busy this quarter, sorry.",
        "Please do not contact me again.",
        "Vielen Dank, aber leider habe ich keine Zeit.",
        "Ich muss leider absagen.",
        "Malheureusement je n'ai pas le temps en ce moment.",
        "Je ne peux pas, désolé.",
        "Lamentablemente no tengo tiempo.",
        "Por desgracia estoy muy ocupada.",
        "Helaas heb ik geen tijd.",
        "Dat kan ik niet, ik ben te druk.",
      })
  void politeNoIsSuggested(String words) {
    assertThat(DeclineSigns.phrase(words)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No problem, happy to chat next week.",
        "I can't wait to hear more about your plans!",
        "Sure, Tuesday at 10 works.",
        "Unfortunately not Tuesday, but how about Thursday?",
        "Leider erst nächste Woche, aber gerne.",
        "Malheureusement pas mardi, mais avec plaisir jeudi.",
        "Lamentablemente no el lunes, pero con gusto el martes.",
        "Helaas niet maandag, maar graag dinsdag.",
        "Yes, let's talk.",
        "",
      })
  void yesOrAnotherTimeIsNotANo(String words) {
    assertThat(DeclineSigns.phrase(words)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void thePhraseRunsToTheEndOfItsSentence() {
    assertThat(DeclineSigns.phrase("Hi Ada. Unfortunately I don't have time right now. Good luck!"))
        .hasValue("Unfortunately I don't have time right now");
    assertThat(DeclineSigns.phrase(null)).isEmpty();
  }
}
