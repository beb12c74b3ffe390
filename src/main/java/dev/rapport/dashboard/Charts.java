package dev.rapport.dashboard;

import dev.rapport.stats.Stats;
import dev.rapport.stats.StatsService;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry for the server-rendered SVG charts: the templates draw the shapes computed here, so no
 * script runs in the browser.
 */
final class Charts {
  private Charts() {}

  static final int WIDTH = 640;
  private static final int LABEL = 130;
  private static final int BAR_AREA = 440;
  private static final int ROW = 36;

  /** One horizontal bar: its label, value, and where it is drawn. */
  public record Bar(String label, int value, int y, int width, int textY, int valueX) {}

  public record Funnel(int height, int labelWidth, List<Bar> bars) {}

  static Funnel funnel(Stats.Funnel f) {
    String[] labels = {"Contacts", "Contacted", "Replied", "Interviewed", "Thanked"};
    int[] values = {f.contacts(), f.contacted(), f.replied(), f.interviewed(), f.thanked()};
    int max = Math.max(1, f.contacts());
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      int w = values[i] == 0 ? 0 : Math.max(2, Math.round(BAR_AREA * values[i] / (float) max));
      int y = i * ROW + 4;
      bars.add(new Bar(labels[i], values[i], y, w, y + 19, LABEL + w + 8));
    }
    return new Funnel(values.length * ROW + 4, LABEL, bars);
  }

  /** One week's column. */
  public record Column(String label, int value, int x, int y, int width, int height, int valueY) {}

  public record Pace(int height, int baseline, Integer goalY, int goal, List<Column> columns) {}

  static Pace pace(List<StatsService.Week> weeks, int goal) {
    int height = 220;
    int baseline = 180;
    int top = 24;
    int max = Math.max(goal, 1);
    for (StatsService.Week w : weeks) max = Math.max(max, w.outreachSent());
    int slot = (WIDTH - 40) / Math.max(1, weeks.size());
    int width = Math.max(8, slot - 16);
    DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < weeks.size(); i++) {
      StatsService.Week w = weeks.get(i);
      int h = Math.round((baseline - top) * w.outreachSent() / (float) max);
      int x = 20 + i * slot + (slot - width) / 2;
      columns.add(
          new Column(
              day.format(w.weekStart()),
              w.outreachSent(),
              x,
              baseline - h,
              width,
              h,
              baseline - h - 6));
    }
    Integer goalY = goal > 0 ? baseline - Math.round((baseline - top) * goal / (float) max) : null;
    return new Pace(height, baseline, goalY, goal, columns);
  }
}
