package dev.rapport.inbox.classify;

import static dev.rapport.inbox.classify.TestMail.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Today is Monday 2 March 2026 (see {@link TestMail#TODAY}). */
class ReturnDatesTest {
  private static Optional<LocalDate> dateIn(String text) {
    return ReturnDates.fromText(text, TODAY).map(ReturnDate::date);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      I will be back on Monday, March 9.                          | 2026-03-09
      Returning to the office on March 9th, 2026.                 | 2026-03-09
      I am away until 9 March.                                    | 2026-03-09
      Out of the office until 2026-03-09, limited email.          | 2026-03-09
      Back on Mar 9                                               | 2026-03-09
      Ich bin ab dem 9. März wieder im Büro.                      | 2026-03-09
      Ich bin bis zum 09.03.2026 nicht erreichbar.                | 2026-03-09
      Ich bin am 16.3. zurück, zurück am 16.3.                    | 2026-03-16
      Je serai de retour le 9 mars.                               | 2026-03-09
      Absent jusqu'au lundi 9 mars 2026.                          | 2026-03-09
      Estaré fuera hasta el 9 de marzo de 2026.                   | 2026-03-09
      Estaré de vuelta el 9 de marzo.                             | 2026-03-09
      Ik ben terug op 9 maart.                                    | 2026-03-09
      Afwezig tot en met 9 maart.                                 | 2026-03-09
      Jag är tillbaka den 9 mars.                                 | 2026-03-09
      """)
  void findsTheDateAfterAReturnPhrase(String text, LocalDate expected) {
    assertThat(dateIn(text)).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Ich bin am 9. März zurück.                                  | 2026-03-09
      Ich bin am 16.3. zurück.                                    | 2026-03-16
      Ich bin ab Montag, dem 9. März 2026 wieder im Büro.         | 2026-03-09
      Am 9. März bin ich wieder erreichbar.                       | 2026-03-09
      Ik ben 9 maart terug.                                       | 2026-03-09
      """)
  void findsTheDateWrittenBeforeTheReturnWord(String text, LocalDate expected) {
    assertThat(dateIn(text)).contains(expected);
    assertThat(ReturnDates.fromText(text, TODAY).orElseThrow().phrase()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Am 9. März 2025 zurück.", // past
        "Am 9. März war ich in Berlin. Ich melde mich zurück.", // another sentence
        "Ich rufe zurück.", // no date
      })
  void aDateBeforeTheWordCountsOnlyInTheSameFewWords(String text) {
    assertThat(dateIn(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Back on 1 January.                                | 2027-01-01
      Back on 28 February.                              | 2027-02-28
      """)
  void aDateWithoutYearIsTheNextOccurrence(String text, LocalDate expected) {
    // Seen from today, both dates have passed this year and next year's is beyond the window.
    assertThat(dateIn(text)).isEmpty();
    assertThat(ReturnDates.fromText(text, expected.minusDays(10)).map(ReturnDate::date))
        .contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Back on 9 March 2025.", // past
        "Back on 2026-12-01.", // more than 90 days ahead
        "Back on 1 March.", // yesterday: next occurrence is a year away
        "I am on vacation, see you soon.", // no date
        "Our office opened on March 9, 2026.", // a date, but no return phrase
      })
  void ignoresDatesOutsideTheWindowOrWithoutAPhrase(String text) {
    assertThat(dateIn(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Back on 20/3/2026.                       | 2026-03-20
      Back on 3/20/2026.                       | 2026-03-20
      Back on 9/5/2026.                        | 2026-05-09
      """)
  void aSlashedDateIsReadTheOneWayThatFallsInTheWindow(String text, LocalDate expected) {
    // 9/5/2026: 9 May is in the window, 5 September is not.
    assertThat(dateIn(text)).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Back on 3/4/2026.", "Back on 4/3."})
  void aSlashedDateReadableBothWaysInTheWindowIsSkipped(String text) {
    assertThat(dateIn(text)).isEmpty();
  }

  @Test
  void keepsThePhraseTheDateCameFrom() {
    assertThat(
            ReturnDates.fromText(
                "Hello,\nI'm away returning   on\nMonday, March 9, 2026. Thanks", TODAY))
        .hasValueSatisfying(
            r -> assertThat(r.phrase()).isEqualTo("returning on Monday, March 9, 2026"));
  }
}
