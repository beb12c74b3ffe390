package dev.rapport.pause;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PauseTest {
  static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

  static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }

  @Test
  void anOpenPauseLastsUntilResumedOrItsEndDateWhicheverComesFirst() {
    Pause open = new Pause(1, day(0), null, null, null);
    assertThat(open.end()).isNull();
    assertThat(open.activeAt(day(100))).isTrue();
    assertThat(open.activeAt(day(-1))).isFalse();

    Pause dated = new Pause(2, day(0), day(7), null, null);
    assertThat(dated.activeAt(day(7).minusSeconds(1))).isTrue();
    assertThat(dated.activeAt(day(7))).isFalse();

    Pause resumedEarly = new Pause(3, day(0), day(7), null, day(3));
    assertThat(resumedEarly.end()).isEqualTo(day(3));
    Pause resumedLate = new Pause(4, day(0), day(7), null, day(9));
    assertThat(resumedLate.end()).isEqualTo(day(7));
  }

  @Test
  void overlapCountsOnlyThePartInsideTheSpan() {
    Pause p = new Pause(1, day(2), null, null, day(6));
    assertThat(p.overlap(day(0), day(10))).isEqualTo(Duration.ofDays(4));
    assertThat(p.overlap(day(4), day(10))).isEqualTo(Duration.ofDays(2));
    assertThat(p.overlap(day(0), day(3))).isEqualTo(Duration.ofDays(1));
    assertThat(p.overlap(day(7), day(10))).isEqualTo(Duration.ZERO);
    Pause open = new Pause(2, day(2), null, null, null);
    assertThat(open.overlap(day(0), day(5))).isEqualTo(Duration.ofDays(3));
  }
}
