package dev.rapport.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterviewTimeTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T10:00+01:00",
        "2026-02-29T10:00[Europe/Berlin]",
        "2026-04-31T10:00Z",
        "2026-13-01T10:00Z",
        "2026-12-01T24:30Z"
      })
  void aDayThatDoesNotExistIsRefusedNotMovedToAnother(String text) {
    assertThatThrownBy(() -> InterviewTime.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("--at: \"" + text + "\": there is no ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2028-02-29T10:00+01:00", "2026-12-01T10:00[Europe/Berlin]"})
  void realDaysAreRead(String text) {
    assertThat(InterviewTime.parse(text).toLocalDate().toString()).isEqualTo(text.substring(0, 10));
  }
}
