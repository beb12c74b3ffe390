package dev.rapport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Daylight-saving changes in Berlin neither skip nor double a digest. */
class DigestTimeTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void atEightTheClockChangeKeepsEightLocal() {
    DigestTime t = new DigestTime(LocalTime.of(8, 0), BERLIN);
    assertThat(t.on(LocalDate.of(2026, 3, 28))).isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
    assertThat(t.on(LocalDate.of(2026, 3, 29))).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    assertThat(t.on(LocalDate.of(2026, 10, 25))).isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
  }

  @Test
  void aTimeInTheSpringGapMovesForwardInsteadOfBeingSkipped() {
    DigestTime t = new DigestTime(LocalTime.of(2, 30), BERLIN);
    // 02:30 does not exist on 29 March 2026: it is 03:30 CEST, one digest that day.
    assertThat(t.on(LocalDate.of(2026, 3, 29))).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(onePerDay(t, LocalDate.of(2026, 3, 27), 5)).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void aTimeThatHappensTwiceInAutumnIsTakenOnce() {
    DigestTime t = new DigestTime(LocalTime.of(2, 30), BERLIN);
    // 02:30 happens twice on 25 October 2026; the first, in CEST.
    assertThat(t.on(LocalDate.of(2026, 10, 25))).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    List<Instant> days = onePerDay(t, LocalDate.of(2026, 10, 23), 5);
    for (int i = 1; i < days.size(); i++) assertThat(days.get(i)).isAfter(days.get(i - 1));
    assertThat(days).extracting(t::day).doesNotHaveDuplicates();
  }

  private static List<Instant> onePerDay(DigestTime t, LocalDate from, int days) {
    List<Instant> out = new ArrayList<>();
    for (int i = 0; i < days; i++) out.add(t.on(from.plusDays(i)));
    return out;
  }
}
