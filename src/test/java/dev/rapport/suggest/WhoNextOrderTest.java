package dev.rapport.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhoNextOrderTest {
  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  static final Instant FRESH_SINCE = NOW.minusSeconds(7 * 86400);

  @Test
  void freshReferralsNewestFirstThenTierThenLongestKnownThenId() {
    List<Suggestion> expected =
        List.of(
            s(1, 4, true, 1), // fresh referrals, the newest first, whatever their tier
            s(2, 1, true, 3),
            s(3, 1, false, 40), // then tier 1, the longest known first
            s(4, 1, true, 30), // a referral no longer fresh is just its tier
            s(5, 1, false, 30), // same moment: by id
            s(6, 2, false, 90),
            s(7, 3, false, 2));
    for (int seed = 0; seed < 20; seed++) {
      List<Suggestion> shuffled = new ArrayList<>(expected);
      Collections.shuffle(shuffled, new java.util.Random(seed));
      shuffled.sort(WhoNext.order(FRESH_SINCE));
      assertThat(shuffled).extracting(Suggestion::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }
  }

  private static Suggestion s(long id, int tier, boolean referred, int daysAgo) {
    OffsetDateTime created = NOW.minusSeconds(daysAgo * 86400L).atOffset(ZoneOffset.ofHours(1));
    return new Suggestion(
        id,
        "P" + id,
        "p" + id + "@example.org",
        null,
        null,
        tier,
        null,
        referred ? new Suggestion.Referrer(99, "Bo") : null,
        created,
        "");
  }
}
