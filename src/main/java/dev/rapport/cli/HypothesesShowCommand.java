package dev.rapport.cli;

import dev.rapport.hypothesis.Hypothesis;
import dev.rapport.interview.Interview;
import dev.rapport.interview.InterviewService;
import dev.rapport.interview.Reflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hypotheses show ID}: a hypothesis with the interviews and reflections that speak to it,
 * the evidence to resolve it on.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a hypothesis with the interviews and reflections that speak to it.")
final class HypothesesShowCommand extends AppCommand {
  @Parameters(paramLabel = "ID")
  long id;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  record ShowJson(
      long id,
      String text,
      String status,
      String note,
      OffsetDateTime createdAt,
      OffsetDateTime resolvedAt,
      long contacts,
      List<InterviewViews.InterviewJson> interviews,
      String pitch) {}

  @Override
  public Integer call() {
    Hypothesis h = app().hypotheses().get(id);
    long contacts = app().hypotheses().contactCount(id);
    List<InterviewService.WithContact> evidence = app().interviews().forHypothesis(id);
    if (json) {
      printJson(
          new ShowJson(
              h.id(),
              h.text(),
              h.status().name(),
              h.note(),
              local(h.createdAt()),
              local(h.resolvedAt()),
              contacts,
              evidence.stream()
                  .map(w -> InterviewViews.of(w.interview(), w.contact().name(), this))
                  .toList(),
              h.pitch()));
      return 0;
    }
    out().printf("Hypothesis %d: %s%n", h.id(), h.text());
    out()
        .printf(
            "  %s%s · %d contact(s) linked%n",
            h.status(), h.note() == null ? "" : ": " + h.note(), contacts);
    out()
        .println(
            h.pitch() == null
                ? "  Pitch: none of its own; outreach uses me.pitch ('hypotheses pitch "
                    + id
                    + " P')"
                : "  Pitch: " + h.pitch());
    out().println();
    if (evidence.isEmpty()) {
      out()
          .println(
              "No interviews speak to it yet: link contacts with 'contacts add --hypothesis "
                  + id
                  + "', then interview them.");
      return 0;
    }
    out().println("Interviews");
    for (InterviewService.WithContact w : evidence) {
      Interview i = w.interview();
      out()
          .printf(
              "  %s  %-9s %s (contact %d)%n",
              shown(i.startsAt()), i.status(), w.contact().name(), w.contact().id());
      Reflection r = i.reflection();
      if (r.resonated() != null) out().println("      resonated: " + oneLine(r.resonated()));
      if (r.clashed() != null) out().println("      clashed:   " + oneLine(r.clashed()));
      if (r.energy() != null || r.continuePath() != null) {
        out()
            .println(
                "      "
                    + (r.energy() == null ? "" : "energy " + r.energy() + "/5")
                    + (r.energy() != null && r.continuePath() != null ? " · " : "")
                    + (r.continuePath() == null
                        ? ""
                        : r.continuePath() ? "continue on this path" : "stop on this path"));
      }
    }
    if (h.status() == Hypothesis.Status.OPEN) {
      out().println();
      out()
          .printf(
              "Resolve it with 'hypotheses resolve %d --validated|--disproved --note TEXT'.%n", id);
    } else {
      out().printf("%nResolved %s.%n", h.status().name().toLowerCase(Locale.ROOT));
    }
    return 0;
  }

  private static String oneLine(String s) {
    return TextTable.oneLine(s);
  }
}
