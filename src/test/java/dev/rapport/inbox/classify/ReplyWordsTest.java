package dev.rapport.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyWordsTest {
  @Test
  void gmailQuoteHeaderEndsTheWords() {
    String text =
        "Hi Ada,\n\nSure, Tuesday at 10 works.\n\nBo\n\n"
            + "On Mon, 7 Dec 2026 at 10:02, Ada Example <ada@example.org> wrote:\n"
            + "> Hello Bo,\n> would you have 30 minutes?\n";
    assertThat(ReplyWords.of(text)).isEqualTo("Hi Ada,\n\nSure, Tuesday at 10 works.\n\nBo");
  }

  @Test
  void gmailQuoteHeaderWrappedOverTwoLines() {
    String text =
        "Happy to talk.\n\nOn Mon, 7 Dec 2026 at 10:02, Ada Example <\nada@example.org> wrote:\n"
            + "> Hello";
    assertThat(ReplyWords.of(text)).isEqualTo("Happy to talk.");
  }

  @Test
  void appleMailQuoteHeader() {
    String text =
        "Thursday is fine.\n\n> On 7 Dec 2026, at 10:02, Ada Example <ada@example.org> wrote:\n>\n"
            + "> Hello Bo";
    assertThat(ReplyWords.of(text)).isEqualTo("Thursday is fine.");
  }

  @Test
  void outlookOriginalMessageAndHeaderBlock() {
    assertThat(
            ReplyWords.of(
                "I'm afraid I can't help.\n\n-----Original Message-----\nFrom: Ada\nSent: Monday\n"
                    + "Hello Bo"))
        .isEqualTo("I'm afraid I can't help.");
    assertThat(
            ReplyWords.of(
                "Gladly.\n\n________________________________\nFrom: Ada Example <ada@example.org>\n"
                    + "Sent: Monday, December 7, 2026 10:02 AM\nTo: Bo\nSubject: Hello\n\nHello Bo"))
        .isEqualTo("Gladly.");
    assertThat(
            ReplyWords.of(
                "Leider keine Zeit.\n\nVon: Ada Example <ada@example.org>\n"
                    + "Gesendet: Montag, 7. Dezember 2026 10:02\nAn: Bo\nBetreff: Hallo\n\nHallo Bo"))
        .isEqualTo("Leider keine Zeit.");
  }

  @Test
  void germanFrenchSpanishDutchQuoteHeaders() {
    assertThat(
            ReplyWords.of(
                "Gerne!\n\nAm 07.12.2026 um 10:02 schrieb Ada Example <ada@example.org>:\n> Hallo"))
        .isEqualTo("Gerne!");
    assertThat(
            ReplyWords.of(
                "Avec plaisir.\n\nLe lun. 7 déc. 2026 à 10:02, Ada Example <ada@example.org> a écrit :\n"
                    + "> Bonjour"))
        .isEqualTo("Avec plaisir.");
    assertThat(
            ReplyWords.of(
                "Con gusto.\n\nEl lun, 7 dic 2026 a las 10:02, Ada (<ada@example.org>) escribió:\n"
                    + "> Hola"))
        .isEqualTo("Con gusto.");
    assertThat(
            ReplyWords.of(
                "Graag.\n\nOp ma 7 dec. 2026 om 10:02 schreef Ada Example <ada@example.org>:\n> Hoi"))
        .isEqualTo("Graag.");
  }

  @Test
  void signaturesAreLeftOut() {
    assertThat(ReplyWords.of("Yes, Friday.\n\n-- \nBo Lind\nHead of Product\n+1 555 0100"))
        .isEqualTo("Yes, Friday.");
    assertThat(ReplyWords.of("Yes, Friday.\n\nSent from my iPhone")).isEqualTo("Yes, Friday.");
    assertThat(ReplyWords.of("Ja.\n\nVon meinem iPhone gesendet")).isEqualTo("Ja.");
  }

  @Test
  void inlineQuotesBeforeTheAnswerAreSkippedAndBlankLinesKeptSingle() {
    assertThat(ReplyWords.of("> would you have time?\n\n\n\nYes.\n\n\n\nBo"))
        .isEqualTo("Yes.\n\nBo");
  }

  @Test
  void longRepliesAreCutAtTwentyLines() {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 30; i++) b.append("line ").append(i).append('\n');
    String words = ReplyWords.of(b.toString());
    assertThat(words.split("\n")).hasSize(ReplyWords.MAX_LINES);
    assertThat(words).startsWith("line 1\n").endsWith("line 20…");
  }

  @Test
  void ordinarySentencesThatStartLikeHeadersStay() {
    assertThat(ReplyWords.of("On Tuesday I am free.\nAm Montag geht es auch."))
        .isEqualTo("On Tuesday I am free.\nAm Montag geht es auch.");
    assertThat(ReplyWords.of("From: my side, all good.\nThanks")).contains("From: my side");
    assertThat(ReplyWords.of(null)).isEmpty();
    assertThat(ReplyWords.of("\n> only quoted\n")).isEmpty();
  }
}
