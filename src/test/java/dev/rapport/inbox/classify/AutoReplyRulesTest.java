package dev.rapport.inbox.classify;

import static dev.rapport.inbox.classify.TestMail.classify;
import static dev.rapport.inbox.classify.TestMail.reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoReplyRulesTest {
  @Nested
  class Headers {
    @Test
    void autoSubmittedMarksAnAutoReply() {
      Classification c =
          classify(reply("Auto-Submitted: auto-replied (vacation)", "Away", "I am away."));
      assertThat(c.kind()).isEqualTo(Kind.AUTO_REPLY);
      assertThat(c.rule()).isEqualTo("auto-submitted");
      assertThat(c.originalMessageIds()).containsExactly("<outreach-1@example.org>");
    }

    @Test
    void autoSubmittedNoIsAPerson() {
      assertThat(classify(reply("Auto-Submitted: no", "Re: Coffee?", "Sure!")).kind())
          .isEqualTo(Kind.HUMAN_REPLY);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"X-Autoreply: yes", "X-Autorespond: vacation", "Precedence: auto_reply"})
    void olderAutoReplyHeadersMarkAnAutoReply(String header) {
      Classification c = classify(reply(header, "Re: Coffee?", "I am away."));
      assertThat(c.kind()).isEqualTo(Kind.AUTO_REPLY);
      assertThat(c.rule()).isEqualTo("auto-reply-header");
    }

    @Test
    void exchangeNeedsTheInboxRulesLoopHeaderToo() {
      Classification c =
          classify(
              reply(
                  "X-Auto-Response-Suppress: All\nX-MS-Exchange-Inbox-Rules-Loop: ada@example.com",
                  "Re: Coffee?",
                  "Away."));
      assertThat(c.kind()).isEqualTo(Kind.AUTO_REPLY);
      assertThat(c.rule()).isEqualTo("exchange-auto-reply");
    }

    @Test
    void xAutoResponseSuppressAloneIsAPerson() {
      assertThat(
              classify(
                      reply("X-Auto-Response-Suppress: All", "Re: Coffee?", "Sure, Tuesday works."))
                  .kind())
          .isEqualTo(Kind.HUMAN_REPLY);
    }

    @Test
    void appleVacationIsAnAutoReplyWithItsEndDate() {
      Classification c =
          classify(
              reply(
                  "X-Apple-Action: VACATION\nX-Apple-Criteria: {kind=VACATION,startDate=2026-02-20T00:00:00Z,endDate=2026-03-13T22:59:59Z}",
                  "Re: Coffee?",
                  "Away."));
      assertThat(c.kind()).isEqualTo(Kind.AUTO_REPLY);
      assertThat(c.rule()).isEqualTo("apple-vacation");
      assertThat(c.returnDate())
          .hasValueSatisfying(r -> assertThat(r.date()).isEqualTo(LocalDate.of(2026, 3, 13)));
    }
  }

  @Nested
  class Subjects {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "Automatic reply: Coffee?",
          "AUTO: Coffee?",
          "Auto reply: Coffee?",
          "Out of Office: Coffee?",
          "Out of office reply: Coffee?",
          "Abwesenheitsnotiz: Kaffee?",
          "Automatische Antwort: Kaffee?",
          "Réponse automatique : Café ?",
          "Respuesta automática: ¿Café?",
          "Automatisch antwoord: Koffie?",
          "Autosvar: Kaffe?",
          "Risposta automatica: Caffè?"
        })
    void aSubjectBeginningWithAnAutoReplyPrefixIsAnAutoReply(String subject) {
      Classification c = classify(reply("", subject, "I am away."));
      assertThat(c.kind()).isEqualTo(Kind.AUTO_REPLY);
      assertThat(c.rule()).isEqualTo("auto-reply-subject");
    }

    @Test
    void anEncodedSubjectIsDecodedFirst() {
      Classification c =
          classify(reply("", "=?utf-8?Q?R=C3=A9ponse_automatique_:_Caf=C3=A9?=", "Absent."));
      assertThat(c.kind()).isEqualTo(Kind.AUTO_REPLY);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Re: Out of office plans",
          "Out of office plans for March",
          "My automatic reply broke",
          "Re: Automatic reply: Coffee?",
          "Re: Auto: Coffee?",
          "AW: Abwesenheitsnotiz: Kaffee?",
          "Vacation photos"
        })
    void aPersonsSubjectMentioningAutoRepliesIsAPerson(String subject) {
      assertThat(classify(reply("", subject, "Thanks, back now, let's talk.")).kind())
          .isEqualTo(Kind.HUMAN_REPLY);
    }

    @Test
    void wordsInTheBodyNeverMakeAnAutoReply() {
      Classification c =
          classify(
              reply(
                  "",
                  "Re: Coffee?",
                  "I was out of the office on vacation, sorry: this is not an automatic reply. Back on March 9, let's talk then."));
      assertThat(c.kind()).isEqualTo(Kind.HUMAN_REPLY);
      assertThat(c.returnDate()).isEmpty();
    }
  }

  @Test
  void anAutoReplyNamingItsReturnCarriesTheDateAndPhrase() {
    Classification c =
        classify(
            reply(
                "Auto-Submitted: auto-replied",
                "Automatic reply: Coffee?",
                "Thank you for your message. I am out of the office until Monday, March 9 with limited access to email."));
    assertThat(c.returnDate())
        .hasValueSatisfying(
            r -> {
              assertThat(r.date()).isEqualTo(LocalDate.of(2026, 3, 9));
              assertThat(r.phrase()).isEqualTo("until Monday, March 9");
            });
  }

  @Test
  void aBounceCarryingAutoSubmittedIsStillABounce() {
    Classification c =
        classify(
            """
        From: MAILER-DAEMON@mx.example.org
        Subject: Undelivered Mail Returned to Sender
        Auto-Submitted: auto-replied
        In-Reply-To: <outreach-1@example.org>

        <bob@example.com>: host mx.example.com said: 550 5.1.1 User unknown
        """);
    assertThat(c.kind()).isEqualTo(Kind.BOUNCE_HARD);
  }
}
