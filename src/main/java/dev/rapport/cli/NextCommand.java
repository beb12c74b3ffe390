package dev.rapport.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.employer.SecondContact;
import dev.rapport.suggest.Suggestion;
import dev.rapport.suggest.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code next}: whom to reach out to now, within the weekly goal; optionally drafts for them. */
@Command(
    name = "next",
    mixinStandardHelpOptions = true,
    description =
        "Suggest whom to write to now: people with no outreach yet, fresh referrals first, then the"
            + " closest tier, and no more than pacing.weekly_goal still leaves this week (fresh"
            + " referrals always). When nobody is suggested, it says why.")
final class NextCommand extends AppCommand {
  @Option(
      names = "--count",
      paramLabel = "N",
      description = "At most N suggestions (default: what the week has room for).")
  Integer count;

  @Option(names = "--draft", description = "Draft outreach (PENDING, for review) for each one.")
  boolean draft;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  /** The JSON of {@code next --json}. */
  record NextJson(
      int weeklyGoal,
      int sentThisWeek,
      int waiting,
      int remaining,
      List<Suggestion> suggestions,
      List<Drafted> drafted,
      String whyEmpty,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<SecondContact> secondContacts) {}

  record Drafted(long contactId, Long draftId, String error) {}

  @Override
  public Integer call() {
    Suggestions s = app().whoNext().suggest(count);
    // The 3B7 routine (method: two-hour): a second person at an employer where nobody answered.
    List<SecondContact> second =
        app().config().twoHour() ? app().employers().secondContacts() : null;
    List<Drafted> drafted = draft ? draftFor(s.suggestions()) : List.of();
    boolean failed = drafted.stream().anyMatch(d -> d.error() != null);
    if (json) {
      printJson(
          new NextJson(
              s.weeklyGoal(),
              s.sentThisWeek(),
              s.waiting(),
              s.remaining(),
              s.suggestions().stream().map(x -> withLocalTime(x)).toList(),
              drafted,
              s.whyEmpty(),
              second));
      return failed ? Cli.FAILED : 0;
    }
    PrintWriter out = out();
    out.println(pace(s));
    if (second != null && !second.isEmpty()) {
      out.println("No answer in 3 business days (3B7): write to a second person there.");
      for (SecondContact x : second) out.println("  " + x.text());
    }
    if (s.suggestions().isEmpty()) {
      out.println(s.whyEmpty());
      return 0;
    }
    if (s.beyondGoal())
      out.println(
          "Fresh referrals are listed whatever the weekly goal: they are warm, and expected.");
    TextTable table = new TextTable(60, "ID", "NAME", "COMPANY", "TIER", "LEVEL", "WHY NOW");
    for (Suggestion x : s.suggestions())
      table.row(x.id(), x.name(), x.company(), x.tier(), x.level(), x.reason());
    table.print(out);
    for (Drafted d : drafted) {
      if (d.error() == null)
        out.printf("Drafted draft %d for contact %d.%n", d.draftId(), d.contactId());
      else err().println("Contact " + d.contactId() + ": " + d.error());
    }
    if (!draft) out.println("Draft outreach for them with 'next --draft' (or 'outreach ID...').");
    else if (drafted.stream().anyMatch(d -> d.error() == null))
      out.println("Review with 'drafts list', then 'drafts approve ID'.");
    return failed ? Cli.FAILED : 0;
  }

  private Suggestion withLocalTime(Suggestion x) {
    return new Suggestion(
        x.id(),
        x.name(),
        x.email(),
        x.company(),
        x.role(),
        x.tier(),
        x.level(),
        x.referredBy(),
        local(x.createdAt()),
        x.reason());
  }

  private List<Drafted> draftFor(List<Suggestion> suggestions) {
    List<Drafted> out = new ArrayList<>();
    app()
        .drafts()
        .outreach(
            suggestions.stream().map(Suggestion::id).toList(),
            false,
            o ->
                out.add(
                    o.drafted()
                        ? new Drafted(o.contactId(), o.draft().id(), null)
                        : new Drafted(o.contactId(), null, o.failure().getMessage())));
    return out;
  }

  private static String pace(Suggestions s) {
    return "This week: "
        + s.sentThisWeek()
        + " of "
        + s.weeklyGoal()
        + " new outreach sent"
        + (s.waiting() == 0 ? "" : ", " + s.waiting() + " drafted or queued")
        + "; room for "
        + s.remaining()
        + " more.";
  }
}
