package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Status page shows the cadence in the units the config gave, not rounded to days. */
class StatusDurationsIT {
  @TempDir Path dir;

  @Test
  void aTrialCadenceInMinutesIsShownInMinutesNotZeroDays() throws Exception {
    String cadence =
        """
        cadence:
          follow_up_after: 4m
          thank_you_within: 90m
          keep_in_touch_every: [8m, 12m]
        """;
    try (DashboardFixture f = new DashboardFixture(dir, cadence)) {
      HttpResponse<String> r = f.client().get("/status");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body())
          .contains("follow up after 4m")
          .contains("thank within 90m")
          .contains("keep in touch every 8m–12m")
          .doesNotContain("0 days");
    }
  }

  @Test
  void daysStayDays() throws Exception {
    try (DashboardFixture f = new DashboardFixture(dir)) {
      String body = f.client().get("/status").body();
      assertThat(body).contains("follow up after 7d").contains("thank within 2d");
    }
  }
}
