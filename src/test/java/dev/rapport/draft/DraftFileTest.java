package dev.rapport.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.InvalidInputException;
import org.junit.jupiter.api.Test;

class DraftFileTest {
  static final DraftContent DRAFT =
      new DraftContent("ada@example.org", "A question", "Hi Ada,\n\nthanks.\n\nSam");

  static void refused(String text, String message) {
    assertThatThrownBy(() -> DraftFile.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
  }

  @Test
  void writesHeadersABlankLineAndTheBody() {
    assertThat(DraftFile.write(DRAFT))
        .isEqualTo("To: ada@example.org\nSubject: A question\n\nHi Ada,\n\nthanks.\n\nSam\n");
  }

  @Test
  void readsBackWhatItWrote() {
    assertThat(DraftFile.parse(DraftFile.write(DRAFT))).isEqualTo(DRAFT);
  }

  @Test
  void acceptsWindowsLineEndingsAndHeadersInAnyCase() {
    String text = "subject:  New one \r\nTO: ada@example.org\r\n\r\nHi\r\nthere\r\n";
    assertThat(DraftFile.parse(text))
        .isEqualTo(new DraftContent("ada@example.org", "New one", "Hi\nthere"));
  }

  @Test
  void refusesABareCarriageReturnInAHeader() {
    refused(
        "To: ada@example.org\nSubject: Hi\rBcc: eve@example.org\n\nbody\n",
        "line 2: Subject: contains a control character (CR at position 3); line breaks and control characters are not allowed here");
  }

  @Test
  void refusesACarriageReturnRightAfterTheColon() {
    assertThatThrownBy(
            () -> DraftFile.parse("To: ada@example.org\nSubject:\rBcc: eve@example.org\n\nbody\n"))
        .hasMessageStartingWith("line 2: Subject: contains a control character (CR at position 1)");
  }

  @Test
  void refusesUnknownHeadersNamingTheLine() {
    refused(
        "To: ada@example.org\nSubject: Hi\nBcc: eve@example.org\n\nbody\n",
        "line 3: unknown header \"Bcc\"; only To and Subject can be edited");
  }

  @Test
  void refusesAnInvalidOrSecondAddress() {
    assertThatThrownBy(
            () -> DraftFile.parse("To: ada@example.org, eve@example.org\nSubject: Hi\n\nbody"))
        .hasMessageStartingWith("line 1: To: ")
        .hasMessageContaining("not a valid email address");
    assertThatThrownBy(() -> DraftFile.parse("To: Ada <ada@example.org>\nSubject: Hi\n\nbody"))
        .hasMessageStartingWith("line 1: To: ");
    refused(
        "To: ada@example.org\nTo: eve@example.org\nSubject: Hi\n\nbody",
        "line 2: a second To header; a draft goes to one address");
  }

  @Test
  void refusesAnEmptySubjectOrBody() {
    refused("To: ada@example.org\nSubject:   \n\nbody", "line 2: Subject: the subject is empty");
    refused("To: ada@example.org\nSubject: Hi\n\n\n  \n", "line 4: the body is empty");
  }

  @Test
  void refusesMissingHeadersAndAMissingBlankLine() {
    refused("Subject: Hi\n\nbody", "line 2: the To header is missing before the blank line");
    refused(
        "To: ada@example.org\n\nbody",
        "line 2: the Subject header is missing before the blank line");
    assertThatThrownBy(() -> DraftFile.parse("To: ada@example.org\nSubject: Hi"))
        .hasMessageContaining("blank line between the headers and the body is missing");
  }

  @Test
  void refusesFoldedHeadersAndLinesThatAreNoHeader() {
    refused(
        "To: ada@example.org\nSubject: Hi\n there\n\nbody",
        "line 3: a header runs onto a second line; keep To and Subject on one line each");
    refused(
        "To: ada@example.org\nHello Ada\n\nbody",
        "line 2: expected a header such as \"Subject: ...\" or the blank line before the body, but found \"Hello Ada\"");
  }
}
