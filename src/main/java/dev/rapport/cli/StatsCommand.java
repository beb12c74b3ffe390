package dev.rapport.cli;

import dev.rapport.stats.Stats;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stats}: the funnel, who answers, no's per yes and this week's pace. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description =
        "How the search is going: contacts → contacted → replied → interviewed → thanked, reply rate by tier and by template, no's per yes, days to a reply, and this week's outreach against pacing.weekly_goal.")
final class StatsCommand extends AppCommand {
  private static final DateTimeFormatter WEEK =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  @Option(names = "--json", description = "Print JSON (keys in docs/STATS.md).")
  boolean json;

  @Override
  public Integer call() {
    Stats stats = app().stats().compute();
    if (json) {
      printJson(stats);
      return 0;
    }
    PrintWriter out = out();
    Stats.Funnel f = stats.funnel();
    if (f.contacts() == 0) {
      out.println(
          "No contacts yet, so nothing to count. Add one with 'contacts add --name N --email E'.");
      return 0;
    }
    out.printf(
        "Funnel          %d contacts → %d contacted → %d replied → %d interviewed → %d thanked%n",
        f.contacts(), f.contacted(), f.replied(), f.interviewed(), f.thanked());
    out.println(
        "Reply rate      " + rate(stats.replyRate().replied(), stats.replyRate().contacted()));
    Stats.NoPerYes n = stats.noPerYes();
    out.println(
        "No's per yes    "
            + (n.ratio() == null
                ? "no interview yet (" + nos(n.no()) + " so far)"
                : n.ratio()
                    + " ("
                    + nos(n.no())
                    + ", "
                    + n.yes()
                    + (n.yes() == 1 ? " interview)" : " interviews)")));
    out.println(
        "Days to reply   "
            + (stats.medianDaysToReply() == null
                ? "no reply yet"
                : stats.medianDaysToReply() + " (median, from first outreach to first answer)"));
    Stats.Pace p = stats.pace();
    out.printf(
        "This week       %d of %d new outreach sent since %s%s%n",
        p.outreachSent(),
        p.weeklyGoal(),
        WEEK.format(p.weekStart()),
        p.outreachQueued() == 0 ? "" : "; " + p.outreachQueued() + " approved, waiting to go out");
    if (!stats.replyRateByTier().isEmpty()) {
      out.println();
      TextTable tiers = new TextTable(60, "TIER", "CONTACTED", "REPLIED", "RATE");
      for (Stats.TierRate t : stats.replyRateByTier())
        tiers.row(t.tier(), t.contacted(), t.replied(), percent(t.rate()));
      tiers.print(out);
    }
    if (!stats.replyRateByLevel().isEmpty()) {
      out.println();
      TextTable levels = new TextTable(60, "LEVEL", "CONTACTED", "REPLIED", "RATE");
      for (Stats.LevelRate l : stats.replyRateByLevel())
        levels.row(
            l.level() == null ? "(not set)" : l.level(),
            l.contacted(),
            l.replied(),
            percent(l.rate()));
      levels.print(out);
    }
    if (!stats.replyRateByTemplate().isEmpty()) {
      out.println();
      TextTable templates = new TextTable(60, "TEMPLATE", "SENT", "REPLIED", "RATE");
      for (Stats.TemplateRate t : stats.replyRateByTemplate())
        templates.row(t.template(), t.contacted(), t.replied(), percent(t.rate()));
      templates.print(out);
    }
    return 0;
  }

  private static String rate(int replied, int contacted) {
    if (contacted == 0) return "nobody contacted yet";
    return percent(replied / (double) contacted) + " (" + replied + " of " + contacted + ")";
  }

  private static String percent(Double rate) {
    return rate == null ? "–" : Math.round(rate * 100) + "%";
  }

  /** "1 no", "3 no's". */
  private static String nos(long count) {
    return count + (count == 1 ? " no" : " no's");
  }
}
