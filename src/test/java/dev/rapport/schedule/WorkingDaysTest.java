package dev.rapport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void businessDaysSkipTheWeekendAndKeepTheTimeOfDay() {
    ZonedDateTime thursday = ZonedDateTime.of(2026, 11, 26, 10, 30, 0, 0, BERLIN);
    assertThat(WorkingDays.plus(thursday.toInstant(), 3, BERLIN))
        .isEqualTo(thursday.plusDays(5).toInstant()); // Tuesday
    assertThat(WorkingDays.plus(thursday.toInstant(), 7, BERLIN))
        .isEqualTo(thursday.plusDays(11).toInstant()); // the Monday after next
    ZonedDateTime saturday = thursday.plusDays(2);
    assertThat(WorkingDays.plus(saturday.toInstant(), 1, BERLIN))
        .isEqualTo(thursday.plusDays(4).toInstant()); // Monday
  }

  @Test
  void aClockChangeKeepsTheLocalTime() {
    ZonedDateTime friday = ZonedDateTime.of(2026, 3, 27, 9, 0, 0, 0, BERLIN);
    assertThat(WorkingDays.plus(friday.toInstant(), 1, BERLIN).atZone(BERLIN).getHour())
        .isEqualTo(9);
  }
}
