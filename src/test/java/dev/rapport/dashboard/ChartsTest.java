package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.stats.Stats;
import dev.rapport.stats.StatsService;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {
  @Test
  void funnelBarsAreProportionalToAllContacts() {
    Charts.Funnel f = Charts.funnel(new Stats.Funnel(10, 5, 2, 1, 0));
    assertThat(f.bars())
        .extracting(Charts.Bar::label)
        .containsExactly("Contacts", "Contacted", "Replied", "Interviewed", "Thanked");
    assertThat(f.bars()).extracting(Charts.Bar::width).containsExactly(440, 220, 88, 44, 0);
  }

  @Test
  void anEmptyFunnelDrawsNoBars() {
    assertThat(Charts.funnel(new Stats.Funnel(0, 0, 0, 0, 0)).bars())
        .allSatisfy(b -> assertThat(b.width()).isZero());
  }

  @Test
  void paceColumnsScaleToTheGoalOrTheBusiestWeek() {
    OffsetDateTime monday = OffsetDateTime.of(2026, 11, 16, 0, 0, 0, 0, ZoneOffset.UTC);
    Charts.Pace p =
        Charts.pace(
            List.of(
                new StatsService.Week(monday.minusWeeks(1), 2), new StatsService.Week(monday, 4)),
            4);
    assertThat(p.columns()).extracting(Charts.Column::label).containsExactly("9 Nov", "16 Nov");
    Charts.Column busiest = p.columns().get(1);
    assertThat(busiest.y()).isEqualTo(p.goalY());
    assertThat(busiest.height()).isEqualTo(2 * p.columns().get(0).height());
    assertThat(Charts.pace(List.of(new StatsService.Week(monday, 0)), 0).goalY()).isNull();
  }
}
