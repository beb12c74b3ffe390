package dev.rapport.dashboard;

import dev.rapport.stats.Stats;
import dev.rapport.stats.StatsService;
import io.javalin.http.Context;
import java.util.Map;

/** The funnel, the weekly pace against the goal, no's per yes and reply rate by tier. */
final class ProgressPage {
  static final int WEEKS = 8;
  private final Handlers h;

  ProgressPage(Handlers h) {
    this.h = h;
  }

  void show(Context ctx) {
    StatsService service = h.app.stats();
    Stats s = service.compute();
    Map<String, Object> m = Dashboard.model();
    m.put("stats", s);
    m.put("funnel", Charts.funnel(s.funnel()));
    m.put("pace", Charts.pace(service.weekly(WEEKS), s.pace().weeklyGoal()));
    m.put("width", Charts.WIDTH);
    m.put("weekStart", h.day(s.pace().weekStart()));
    m.put("replyRate", percent(s.replyRate().rate()));
    m.put(
        "tiers",
        s.replyRateByTier().stream()
            .map(
                t ->
                    Map.of(
                        "tier",
                        t.tier(),
                        "contacted",
                        t.contacted(),
                        "replied",
                        t.replied(),
                        "rate",
                        percent(t.rate())))
            .toList());
    m.put("noPerYes", s.noPerYes().ratio() == null ? "" : String.valueOf(s.noPerYes().ratio()));
    m.put("medianDays", s.medianDaysToReply() == null ? "" : String.valueOf(s.medianDaysToReply()));
    h.render(ctx, "progress.ftlh", "Progress", "progress", m);
  }

  static String percent(Double rate) {
    return rate == null ? "–" : Math.round(rate * 100) + "%";
  }
}
