package dev.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void readsEveryUnit() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("48h")).isEqualTo(Duration.ofHours(48));
    assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
    assertThat(Durations.parse(" 3 d ")).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void refusesWhatIsNotADuration() {
    for (String bad : new String[] {"", "7", "d", "7days", "-1d", "1.5h", "7D"}) {
      assertThatThrownBy(() -> Durations.parse(bad))
          .as(bad)
          .hasMessageContaining("expected a duration");
    }
  }

  @Test
  void formatsTheShortestExactForm() {
    assertThat(Durations.format(Duration.ofDays(14))).isEqualTo("14d");
    assertThat(Durations.format(Duration.ofHours(48))).isEqualTo("2d");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
  }

  @Test
  void saysDurationsInWords() {
    assertThat(Durations.words(Duration.ofDays(7))).isEqualTo("7 days");
    assertThat(Durations.words(Duration.ofDays(1))).isEqualTo("1 day");
    assertThat(Durations.words(Duration.ofHours(48))).isEqualTo("2 days");
    assertThat(Durations.words(Duration.ofMinutes(4))).isEqualTo("4 minutes");
    assertThat(Durations.words(Duration.ofSeconds(90))).isEqualTo("90 seconds");
  }
}
