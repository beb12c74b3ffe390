package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DefaultZoneClockTest {
  @Test
  void tellsTheSystemTimeInTheDefaultZone() {
    DefaultZoneClock clock = new DefaultZoneClock();
    Instant before = Instant.now();
    Instant told = clock.instant();
    assertThat(Duration.between(before, told)).isBetween(Duration.ZERO, Duration.ofSeconds(5));
    assertThat(clock.millis()).isBetween(before.toEpochMilli(), System.currentTimeMillis());
    assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault());
    assertThat(clock.withZone(ZoneOffset.ofHours(5)).getZone()).isEqualTo(ZoneOffset.ofHours(5));
  }
}
