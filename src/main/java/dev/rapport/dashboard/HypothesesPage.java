package dev.rapport.dashboard;

import dev.rapport.InvalidInputException;
import dev.rapport.hypothesis.Hypothesis;
import dev.rapport.interview.Interview;
import dev.rapport.interview.InterviewService;
import dev.rapport.interview.Reflection;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Career hypotheses: the list with how many contacts each has, a form to add one, and one
 * hypothesis with the interviews and reflections that speak to it and its verdict (as {@code
 * hypotheses list|add|show|resolve}).
 */
final class HypothesesPage {
  private final Handlers h;

  HypothesesPage(Handlers h) {
    this.h = h;
  }

  public record Line(
      long id, String text, String status, String note, long contacts, String pitch) {}

  /** One interview as evidence: with whom, when, and what the user made of it. */
  public record Evidence(
      long contactId,
      String name,
      String when,
      String status,
      String resonated,
      String clashed,
      String verdict) {}

  void list(Context ctx) {
    List<Line> lines = new ArrayList<>();
    for (Hypothesis x : h.app.hypotheses().list()) lines.add(line(x));
    Map<String, Object> m = Dashboard.model();
    m.put("hypotheses", lines);
    h.render(ctx, "hypotheses.ftlh", "Hypotheses", "hypotheses", m);
  }

  void show(Context ctx) {
    Hypothesis x = h.app.hypotheses().get(h.id(ctx));
    List<Evidence> evidence = new ArrayList<>();
    for (InterviewService.WithContact w : h.app.interviews().forHypothesis(x.id())) {
      Interview i = w.interview();
      Reflection r = i.reflection();
      evidence.add(
          new Evidence(
              w.contact().id(),
              w.contact().name(),
              h.day(i.startsAt()),
              i.status().name(),
              r.resonated() == null ? "" : r.resonated(),
              r.clashed() == null ? "" : r.clashed(),
              verdict(r)));
    }
    Map<String, Object> m = Dashboard.model();
    m.put("h", line(x));
    m.put("evidence", evidence);
    h.render(ctx, "hypothesis.ftlh", "Hypothesis " + x.id(), "hypotheses", m);
  }

  void add(Context ctx) {
    Hypothesis x = h.app.hypotheses().add(ctx.formParam("text"), ctx.formParam("pitch"));
    h.done(
        ctx,
        Sessions.Flash.ok(
            "Added hypothesis " + x.id() + ". Link contacts to it when you add them."),
        "/hypotheses");
  }

  /** Sets or clears (an empty field) the pitch its contacts' outreach states. */
  void pitch(Context ctx) {
    Hypothesis x = h.app.hypotheses().setPitch(h.id(ctx), ctx.formParam("pitch"));
    h.done(
        ctx,
        Sessions.Flash.ok(
            x.pitch() == null
                ? "Hypothesis " + x.id() + " has no pitch of its own; its outreach uses me.pitch."
                : "Saved the pitch of hypothesis " + x.id() + " for outreach drafted from now on."),
        "/hypotheses/" + x.id());
  }

  void resolve(Context ctx) {
    long id = h.id(ctx);
    String verdict = ctx.formParam("verdict");
    Hypothesis.Status status =
        switch (verdict == null ? "" : verdict) {
          case "validated" -> Hypothesis.Status.VALIDATED;
          case "disproved" -> Hypothesis.Status.DISPROVED;
          default -> throw new InvalidInputException("Choose validated or disproved.");
        };
    Hypothesis x = h.app.hypotheses().resolve(id, status, ctx.formParam("note"));
    h.done(
        ctx,
        Sessions.Flash.ok(
            "Hypothesis "
                + x.id()
                + " is "
                + x.status().name().toLowerCase(java.util.Locale.ROOT)
                + "."),
        "/hypotheses/" + id);
  }

  private Line line(Hypothesis x) {
    return new Line(
        x.id(),
        x.text(),
        x.status().name(),
        x.note() == null ? "" : x.note(),
        h.app.hypotheses().contactCount(x.id()),
        x.pitch() == null ? "" : x.pitch());
  }

  private static String verdict(Reflection r) {
    List<String> parts = new ArrayList<>();
    if (r.energy() != null) parts.add("energy " + r.energy() + "/5");
    if (r.continuePath() != null)
      parts.add(r.continuePath() ? "continue on this path" : "stop on this path");
    return String.join(" · ", parts);
  }
}
