package dev.rapport.draft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplySubjectsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Coffee?|Re: Coffee?",
        "Re: Coffee?|Re: Coffee?",
        "RE: Re: re: Coffee?|Re: Coffee?",
        "AW: Coffee?|Re: Coffee?",
        "Aw: SV: Antw: Coffee?|Re: Coffee?",
        "Réf : Coffee?|Re: Coffee?",
        "Re[2]: Coffee?|Re: Coffee?",
        "Re^3: Coffee?|Re: Coffee?",
        "VS: Rif: Odp: Coffee?|Re: Coffee?",
        "Re：Coffee?|Re: Coffee?",
        "Regarding: the role|Re: Regarding: the role",
        "Rex: a dog|Re: Rex: a dog",
        "Re:|Re: Re:",
      })
  void repliesCarryExactlyOnePrefix(String earlier, String reply) {
    assertThat(ReplySubjects.reply(earlier)).isEqualTo(reply);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"Re: x|true", "AW: x|true", "x|false", "Rebecca: x|false", "Fwd: x|false"})
  void tellsAReplySubject(String subject, boolean reply) {
    assertThat(ReplySubjects.isReply(subject)).isEqualTo(reply);
  }
}
