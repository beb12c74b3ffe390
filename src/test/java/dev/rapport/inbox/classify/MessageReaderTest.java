package dev.rapport.inbox.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MessageReaderTest {
  private final MessageReader reader = new MessageReader();

  @Nested
  class LineEnds {
    private static final String MESSAGE =
        "From: a@example.com\nSubject: Hello\n there\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
            + "--b\nContent-Type: text/plain\n\nfirst line\nsecond line\n--b--\n";

    @Test
    void readsTheSameWithCrLfLfOrBareCr() {
      for (String eol : new String[] {"\r\n", "\n", "\r"}) {
        MessageView view =
            reader.read(MESSAGE.replace("\n", eol).getBytes(StandardCharsets.US_ASCII));
        assertThat(view.subject())
            .as("eol %s", eol.replace("\r", "CR").replace("\n", "LF"))
            .isEqualTo("Hello there");
        assertThat(view.text()).isEqualTo("first line\nsecond line");
        assertThat(view.problems()).isEmpty();
      }
    }

    @Test
    void skipsALeadingMboxSeparatorLine() {
      MessageView view =
          reader.read(
              ("From MAILER-DAEMON  Mon Sep 20 19:29:27 2021\n" + MESSAGE)
                  .getBytes(StandardCharsets.US_ASCII));
      assertThat(view.fromAddresses()).containsExactly("a@example.com");
      assertThat(view.headers().fields())
          .extracting(MailHeaders.Field::name)
          .doesNotContain("From MAILER-DAEMON");
    }

    @Test
    void keepsAFirstHeaderNamedFrom() {
      assertThat(LineEndings.toCrlf("From: x@example.com\n".getBytes(StandardCharsets.US_ASCII)))
          .asString(StandardCharsets.US_ASCII)
          .isEqualTo("From: x@example.com\r\n");
    }
  }

  @Nested
  class Charsets {
    @Test
    void decodesTheDeclaredCharset() {
      byte[] latin1 =
          "From: a@example.com\nContent-Type: text/plain; charset=iso-8859-1\n\nZurück am 9. März"
              .getBytes(StandardCharsets.ISO_8859_1);
      assertThat(reader.read(latin1).text()).isEqualTo("Zurück am 9. März");
    }

    @Test
    void fallsBackForAnUnknownCharsetWithoutThrowing() {
      byte[] utf8 =
          "From: a@example.com\nContent-Type: text/plain; charset=x-unknown\n\nZurück am 9. März"
              .getBytes(StandardCharsets.UTF_8);
      MessageView view = reader.read(utf8);
      assertThat(view.readable()).isTrue();
      assertThat(view.text()).isEqualTo("Zurück am 9. März");
    }

    @Test
    void fallsBackToWindows1252WhenTheBytesAreNotUtf8() {
      byte[] latin1 =
          "From: a@example.com\nContent-Type: text/plain; charset=x-unknown\n\nR\u00e9ponse"
              .getBytes(StandardCharsets.ISO_8859_1);
      assertThat(reader.read(latin1).text()).isEqualTo("Réponse");
    }

    @Test
    void decodesEncodedWordsEvenInAnUnknownCharset() {
      MessageView view =
          reader.read(
              TestMail.bytes(
                  "From: a@example.com\nSubject: =?x-unknown?Q?R=C3=A9ponse_automatique?= : =?utf-8?B?VGVzdA==?=\n\nbody"));
      assertThat(view.subject()).isEqualTo("Réponse automatique : Test");
    }

    @Test
    void undoesQuotedPrintableAndBase64() {
      MessageView view =
          reader.read(
              TestMail.bytes(
                  """
          From: a@example.com
          Content-Type: multipart/mixed; boundary=b

          --b
          Content-Type: text/plain; charset=utf-8
          Content-Transfer-Encoding: quoted-printable

          zuk=C3=BCnftig
          --b
          Content-Type: text/plain; charset=utf-8
          Content-Transfer-Encoding: base64

          SGFsbG8gV2VsdA==
          --b--
          """));
      assertThat(view.text()).isEqualTo("zukünftig\nHallo Welt");
    }
  }

  @Nested
  class Structure {
    @Test
    void separatesOwnTextReportsAndReturnedHeaders() {
      MessageView view =
          reader.read(
              TestMail.bytes(
                  """
          From: MAILER-DAEMON@mx.example.net
          Content-Type: multipart/report; report-type=delivery-status; boundary="r"

          --r
          Content-Type: text/plain

          Notice text.
          --r
          Content-Type: message/delivery-status

          Reporting-MTA: dns; mx.example.net

          Final-Recipient: rfc822; bob@example.com
          Action: failed
          Status: 5.1.1
          --r
          Content-Type: message/rfc822

          Message-ID: <orig@example.org>
          To: bob@example.com
          Subject: Coffee?

          The original text must not count as the notice.
          --r--
          """));
      assertThat(view.mediaType().type()).isEqualTo("multipart/report");
      assertThat(view.text()).isEqualTo("Notice text.");
      assertThat(view.reports())
          .singleElement()
          .satisfies(r -> assertThat(r.text()).contains("Status: 5.1.1"));
      assertThat(view.attachedHeaders())
          .singleElement()
          .satisfies(h -> assertThat(h.first("Message-ID")).contains("<orig@example.org>"));
    }

    @Test
    void readsReturnedHeaderPartsAsHeadersNotText() {
      MessageView view =
          reader.read(
              TestMail.bytes(
                  """
          From: MAILER-DAEMON@mx.example.net
          Content-Type: multipart/report; report-type=delivery-status; boundary="r"

          --r
          Content-Type: text/rfc822-headers

          Message-ID: <orig@example.org>
          To: bob@example.com
          --r
          Content-Type: message/partial

          Message-ID: <partial@example.org>
          --r--
          """));
      assertThat(view.text()).isEmpty();
      assertThat(view.attachedHeaders())
          .extracting(h -> h.first("Message-ID").orElse(""))
          .containsExactly("<orig@example.org>", "<partial@example.org>");
    }

    @Test
    void prefersThePlainAlternativeToHtml() {
      MessageView view =
          reader.read(
              TestMail.bytes(
                  """
          From: a@example.com
          Content-Type: multipart/alternative; boundary=a

          --a
          Content-Type: text/plain

          plain version
          --a
          Content-Type: text/html

          <p>html version</p>
          --a--
          """));
      assertThat(view.text()).isEqualTo("plain version");
    }

    @Test
    void readsHtmlAsRoughTextWhenItIsAllThereIs() {
      MessageView view =
          reader.read(
              TestMail.bytes(
                  "From: a@example.com\nContent-Type: text/html\n\n<html><style>p{}</style><p>Back&nbsp;on</p><p>9 March &amp; later</p></html>"));
      assertThat(view.text()).contains("Back on\n9 March & later").doesNotContain("<p>", "p{}");
    }
  }

  @Nested
  class MalformedInput {
    @Test
    void emptyInputIsUnreadable() {
      assertThat(reader.read(new byte[0]).readable()).isFalse();
      assertThat(reader.read(null).problems()).containsExactly("empty message");
    }

    @Test
    void garbageBytesAreUnreadableNotAnException() {
      byte[] garbage = new byte[4096];
      new java.util.Random(42).nextBytes(garbage);
      MessageView view = reader.read(garbage);
      assertThat(view.readable()).isFalse();
      assertThat(view.problems()).isNotEmpty();
    }

    @Test
    void aMultipartWithoutBoundaryIsReadAsPlainText() {
      MessageView view =
          reader.read(
              TestMail.bytes(
                  """
          From: a@example.com
          Content-Type: multipart/mixed

          This is not really multipart: 550 5.1.1 user unknown
          """));
      assertThat(view.readable()).isTrue();
      assertThat(view.text()).contains("550 5.1.1 user unknown");
      assertThat(view.problems()).anySatisfy(p -> assertThat(p).contains("broken multipart"));
    }

    @Test
    void aMultipartMissingItsBoundaryParameterUsesTheFirstDelimiterLine() {
      MessageView view =
          reader.read(
              TestMail.bytes(
                  """
          From: a@example.com
          Content-Type: multipart/mixed

          --xyz
          Content-Type: text/plain

          inside
          --xyz--
          """));
      assertThat(view.text()).isEqualTo("inside");
    }

    @Test
    void anUnknownTransferEncodingIsReadAsItIs() {
      MessageView view =
          reader.read(
              TestMail.bytes(
                  "From: a@example.com\nContent-Transfer-Encoding: x-strange\n\nplain words"));
      assertThat(view.text()).isEqualTo("plain words");
      assertThat(view.problems()).anySatisfy(p -> assertThat(p).contains("x-strange"));
    }

    @Test
    void aOneMegabyteHeaderIsCutNotFatal() {
      String huge = "X-Huge: " + "a".repeat(1024 * 1024) + "\n";
      MessageView view =
          reader.read(
              TestMail.bytes("From: a@example.com\n" + huge + "Subject: still here\n\nbody"));
      assertThat(view.subject()).isEqualTo("still here");
      assertThat(view.headers().first("X-Huge").orElseThrow()).hasSize(MailHeaders.MAX_VALUE_CHARS);
      assertThat(view.problems()).anySatisfy(p -> assertThat(p).contains("X-Huge"));
    }

    @Test
    void textBeyondTheCapIsCutAndNoted() {
      MessageView view =
          new MessageReader(100)
              .read(TestMail.bytes("From: a@example.com\n\n" + "x".repeat(10_000)));
      assertThat(view.text()).hasSize(100);
      assertThat(view.problems()).anySatisfy(p -> assertThat(p).contains("cut"));
    }

    @Test
    void aMessageWithoutMessageIdIsFine() {
      MessageView view = reader.read(TestMail.bytes("From: a@example.com\nSubject: hi\n\nbody"));
      assertThat(view.readable()).isTrue();
      assertThat(view.headers().first("Message-ID")).isEmpty();
    }
  }
}
