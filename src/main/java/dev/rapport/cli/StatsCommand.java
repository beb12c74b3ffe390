package dev.rapport.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.rapport.employer.EmployerSummary;
import dev.rapport.stats.Stats;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
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

  @Option(
      names = "--by-employer",
      description =
          "Only the per-employer figures (method: two-hour): contacts, written to, replies, interviews, boosters.")
  boolean byEmployer;

  /** One employer's figures ({@code method: two-hour}). */
  record EmployerStats(
      long employerId,
      String employer,
      int contacts,
      int contacted,
      int replies,
      int interviews,
      int boosters) {
    static EmployerStats of(EmployerSummary e) {
      return new EmployerStats(
          e.id(), e.name(), e.contacts(), e.contacted(), e.replies(), e.interviews(), e.boosters());
    }
  }

  /** {@code stats --json} with the two-hour method: the usual keys, then {@code byEmployer}. */
  record WithEmployers(@JsonUnwrapped Stats stats, List<EmployerStats> byEmployer) {}

  @Override
  public Integer call() {
    if (byEmployer) EmployersCommand.requireMethod(this);
    List<EmployerStats> employers =
        app().config().twoHour()
            ? app().employers().list().stream().map(EmployerStats::of).toList()
            : null;
    if (byEmployer) {
      if (json) printJson(employers);
      else printEmployers(employers);
      return 0;
    }
    Stats stats = app().stats().compute();
    if (json) {
      printJson(employers == null ? stats : new WithEmployers(stats, employers));
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
    if (employers != null && !employers.isEmpty()) {
      out.println();
      printEmployers(employers);
    }
    return 0;
  }

  private void printEmployers(List<EmployerStats> employers) {
    if (employers.isEmpty()) {
      out().println("No employers yet. Add one with 'employers add NAME'.");
      return;
    }
    TextTable t =
        new TextTable(40, "EMPLOYER", "CONTACTS", "CONTACTED", "REPLIES", "INTERVIEWS", "BOOSTERS");
    for (EmployerStats e : employers)
      t.row(e.employer(), e.contacts(), e.contacted(), e.replies(), e.interviews(), e.boosters());
    t.print(out());
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
