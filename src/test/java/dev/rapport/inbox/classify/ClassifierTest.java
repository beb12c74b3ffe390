package dev.rapport.inbox.classify;

import static dev.rapport.inbox.classify.TestMail.classify;
import static dev.rapport.inbox.classify.TestMail.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClassifierTest {
  @Nested
  class People {
    @Test
    void aPlainAnswerIsAHumanReplyPointingAtOurMessage() {
      Classification c =
          classify(
              reply(
                  "References: <older@example.org>, <outreach-1@example.org>",
                  "Re: Coffee?",
                  "Sure, Tuesday?"));
      assertThat(c.kind()).isEqualTo(Kind.HUMAN_REPLY);
      assertThat(c.rule()).isEqualTo("human");
      assertThat(c.originalMessageIds())
          .containsExactly("<outreach-1@example.org>", "<older@example.org>");
    }

    @Test
    void ourOwnMessageIsNeverAReply() {
      Classification c =
          classify(
              """
          From: Me <Me@Example.org>
          To: ada@example.com
          Subject: Automatic reply: Coffee?
          Auto-Submitted: auto-replied

          I am away.
          """);
      assertThat(c.kind()).isEqualTo(Kind.OWN_MESSAGE);
    }
  }

  @Nested
  class Lists {
    @Test
    void listTrafficIsNotAReply() {
      for (String header :
          List.of(
              "List-Id: <news.example.com>",
              "List-Unsubscribe: <mailto:u@example.com>",
              "Precedence: bulk",
              "Precedence: list")) {
        Classification c = classify(reply(header, "Weekly digest", "News."));
        assertThat(c.kind()).as(header).isEqualTo(Kind.LIST_MAIL);
      }
    }

    @Test
    void aListMessageAnsweringOneOfOursIsAReply() {
      ClassificationContext knowsOurs =
          new ClassificationContext(
              Set.of(TestMail.ME), TestMail.CLOCK, "<outreach-1@example.org>"::equals);
      Classification c =
          new Classifier()
              .classify(
                  TestMail.bytes(
                      reply("List-Id: <team.example.com>", "Re: Coffee?", "Happy to talk.")),
                  knowsOurs);
      assertThat(c.kind()).isEqualTo(Kind.HUMAN_REPLY);
    }
  }

  @Nested
  class NeverThrows {
    private final Classifier classifier = new Classifier();

    private Classification classify(byte[] raw) {
      return classifier.classify(raw, TestMail.context());
    }

    @Test
    void garbageBytesAreUnreadable() {
      byte[] garbage = new byte[64 * 1024];
      new Random(7).nextBytes(garbage);
      Classification c = classify(garbage);
      assertThat(c.kind()).isEqualTo(Kind.UNREADABLE);
      assertThat(c.problems()).isNotEmpty();
    }

    @Test
    void anEmptyMessageIsUnreadable() {
      assertThat(classify(new byte[0]).kind()).isEqualTo(Kind.UNREADABLE);
      assertThat(classify("\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).kind())
          .isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void aOneMegabyteHeaderStillGetsClassified() {
      String huge = "References: " + "<x@example.org> ".repeat(70_000) + "\n";
      Classification c = classify(TestMail.bytes(reply(huge, "Re: Coffee?", "Sure.")));
      assertThat(c.kind()).isEqualTo(Kind.HUMAN_REPLY);
      assertThat(c.problems()).anySatisfy(p -> assertThat(p).contains("References"));
    }

    @Test
    void aMultipartWithoutBoundaryIsClassifiedFromItsText() {
      Classification c =
          classify(
              TestMail.bytes(
                  """
          From: MAILER-DAEMON@mx.example.org
          Subject: Undelivered Mail Returned to Sender
          Content-Type: multipart/report; report-type=delivery-status

          <bob@example.com>: host mx.example.com said: 550 5.1.1 User unknown
          """));
      assertThat(c.kind()).isEqualTo(Kind.BOUNCE_HARD);
      assertThat(c.problems()).anySatisfy(p -> assertThat(p).contains("broken multipart"));
    }

    @Test
    void anUnknownCharsetIsClassifiedFromItsText() {
      Classification c =
          classify(
              TestMail.bytes(
                  reply(
                      "Content-Type: text/plain; charset=x-unknown\nAuto-Submitted: auto-replied",
                      "Abwesend",
                      "Ich bin ab dem 9. März wieder im Büro.")));
      assertThat(c.kind()).isEqualTo(Kind.AUTO_REPLY);
      assertThat(c.returnDate()).map(ReturnDate::date).contains(TestMail.TODAY.plusDays(7));
    }

    @Test
    void aRuleThatFailsMakesTheMessageUnreadableInsteadOfAHumanReply() {
      Rule broken =
          new Rule() {
            @Override
            public String name() {
              return "broken";
            }

            @Override
            public Optional<Classification> apply(
                MessageView message, ClassificationContext context) {
              throw new IllegalStateException("boom");
            }
          };
      Classifier withBrokenRule = new Classifier(new MessageReader(), List.of(broken));
      Classification c =
          withBrokenRule.classify(
              TestMail.bytes(reply("", "Re: Coffee?", "Sure.")), TestMail.context());
      assertThat(c.kind()).isEqualTo(Kind.UNREADABLE);
      assertThat(c.detail()).contains("broken", "boom");
    }

    @Test
    void truncatedAndNestedOddMimeNeverThrows() {
      String[] samples = {
        "From: a@example.com\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: message/rfc822\n\n",
        "From: a@example.com\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n!!!not base64!!!",
        "From: a@example.com\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: multipart/mixed; boundary=x\n\n--x\n",
        "From: a@example.com\nContent-Type: message/delivery-status\n\nStatus: 5.1.1\nAction: failed\n",
        "Subject: =?utf-8?B?broken?=\n\n",
        ":\n:\n\n",
        "From: " + "<".repeat(50_000) + "\n\n",
      };
      for (String sample : samples) {
        assertThatCode(() -> classify(TestMail.bytes(sample)))
            .as(sample.substring(0, Math.min(60, sample.length())))
            .doesNotThrowAnyException();
      }
    }
  }
}
