package dev.rapport.dashboard;

import dev.rapport.hypothesis.Hypothesis;
import dev.rapport.interview.Comparison;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers side by side: a row per active question, a column per interview held (or with notes), as
 * {@code interviews compare} prints them; filtered by hypothesis.
 */
final class ComparePage {
  private final Handlers h;

  ComparePage(Handlers h) {
    this.h = h;
  }

  /** A column: whom the interview was with, and when. */
  public record Person(long contactId, String name, String date) {}

  /** A row: the question and one answer per column ("" when it was not answered). */
  public record Row(int number, String question, List<String> answers) {}

  void show(Context ctx) {
    Long asked = PipelinePage.hypothesis(ctx.queryParam("hypothesis"));
    List<Hypothesis> hypotheses = h.app.hypotheses().list();
    // An id no hypothesis has (a stale link) shows everyone rather than an error page.
    Long hypothesis =
        asked != null && hypotheses.stream().anyMatch(x -> x.id() == asked) ? asked : null;
    Comparison cmp = h.app.comparisons().compare(hypothesis);
    List<Person> people = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (Comparison.Row r : cmp.questions()) {
      if (people.isEmpty())
        for (Comparison.Cell c : r.answers())
          people.add(
              new Person(c.contact().id(), c.contact().name(), h.day(c.interview().startsAt())));
      rows.add(
          new Row(
              r.question().number(),
              r.question().text(),
              r.answers().stream().map(c -> c.answer() == null ? "" : c.answer()).toList()));
    }
    Map<String, Object> m = Dashboard.model();
    m.put("people", people);
    m.put("rows", rows);
    m.put("hypotheses", PipelinePage.hypothesisOptions(hypotheses, hypothesis));
    m.put("filtered", hypothesis != null);
    h.render(ctx, "compare.ftlh", "Compare answers", "compare", m);
  }
}
