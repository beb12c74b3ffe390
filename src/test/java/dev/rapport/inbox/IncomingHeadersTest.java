package dev.rapport.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.inbox.classify.MailHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncomingHeadersTest {
  private static IncomingHeaders of(String... nameValue) {
    List<MailHeaders.Field> fields = new java.util.ArrayList<>();
    for (int i = 0; i < nameValue.length; i += 2)
      fields.add(new MailHeaders.Field(nameValue[i], nameValue[i + 1]));
    return new IncomingHeaders(7, 1234, new MailHeaders(fields));
  }

  @Test
  void theKeyIsTheMessageIdOrAHashOfTheHeaderWhenThereIsNone() {
    assertThat(of("Message-ID", " <a@b.test> ", "From", "x@y.test").key()).isEqualTo("<a@b.test>");
    String hashed = of("From", "x@y.test", "Subject", "Hi").key();
    assertThat(hashed)
        .startsWith("sha256:")
        .isEqualTo(of("From", "x@y.test", "Subject", "Hi").key());
    assertThat(hashed).isNotEqualTo(of("From", "x@y.test", "Subject", "Hi again").key());
  }

  @Test
  void theThreadReadsInReplyToThenReferencesNewestFirstWithCommasAsSeparators() {
    IncomingHeaders h = of("In-Reply-To", "<c@x>", "References", "<a@x>, <b@x>,<c@x>");
    assertThat(h.thread()).containsExactly("<c@x>", "<b@x>", "<a@x>");
  }

  @Test
  void theSenderIsTheBareLowerCasedAddress() {
    assertThat(of("From", "\"Lind, Bo\" <Bo.Lind@Corp.TEST>").from())
        .isEqualTo("bo.lind@corp.test");
    assertThat(of("From", "broken <<bo@corp.test").from()).isEqualTo("bo@corp.test");
    assertThat(of("Subject", "no sender").from()).isEmpty();
  }

  @Test
  void aQuotedLocalPartIsTheSameMailboxWhenItNeedsNoQuotes() {
    assertThat(of("From", "Bo <\"Bo.Lind\"@Corp.test>").from()).isEqualTo("bo.lind@corp.test");
    assertThat(of("From", "\"bo lind\"@corp.test").from()).isEqualTo("\"bo lind\"@corp.test");
    assertThat(of("From", "\"ann@corp.test\" <bo@corp.test>").from())
        .as("an address in the display name is not the sender")
        .isEqualTo("bo@corp.test");
  }

  @Test
  void reportsAreRecognisedFromTheHeaderAlone() {
    assertThat(of("From", "MAILER-DAEMON@mx.test", "Subject", "x").looksLikeReport()).isTrue();
    assertThat(
            of("From", "a@b.test", "Content-Type", "multipart/report; report-type=delivery-status")
                .looksLikeReport())
        .isTrue();
    assertThat(of("From", "a@b.test", "X-Failed-Recipients", "bo@corp.test").looksLikeReport())
        .isTrue();
    assertThat(of("From", "a@b.test", "Subject", "Undeliverable: Hello").looksLikeReport())
        .isTrue();
    assertThat(of("From", "a@b.test", "Return-Path", "<>").looksLikeReport()).isTrue();
    assertThat(of("From", "friend@b.test", "Subject", "Lunch?").looksLikeReport()).isFalse();
  }

  @Test
  void anExcerptLeavesOutQuotedTextAndSignatures() {
    String text = "Sure, Tuesday works.\n\nBest,\nBo\n--\nBo Lind, Corp\n> Could we talk?\n";
    assertThat(MessageHandler.excerpt(text)).isEqualTo("Sure, Tuesday works. Best, Bo");
    assertThat(MessageHandler.excerpt("Yes!\nOn Mon, 2 Nov 2026, Ada wrote:\n> Hello"))
        .isEqualTo("Yes!");
    assertThat(MessageHandler.excerpt("x".repeat(2000))).hasSize(MessageHandler.EXCERPT_CHARS);
  }
}
