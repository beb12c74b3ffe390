package dev.rapport.dashboard;

import dev.rapport.InvalidInputException;
import dev.rapport.contact.Contact;
import dev.rapport.contact.Link;
import dev.rapport.contact.Stage;
import dev.rapport.hypothesis.Hypothesis;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The board: a column per stage, a card per contact, filtered by tier and hypothesis; a contact is
 * moved by hand from its card (an event on its timeline, as {@code contacts stage} records).
 */
final class PipelinePage {
  private final Handlers h;

  PipelinePage(Handlers h) {
    this.h = h;
  }

  /** One contact's card; {@code next} is the next scheduled action, blank when there is none. */
  public record Card(long id, String name, String line, int tier, String hypothesis, String next) {}

  public record Column(String stage, String label, List<Card> cards) {}

  public record Option(String value, String label, boolean selected) {}

  void show(Context ctx) {
    page(ctx, null);
  }

  /** The board again after the add-contact form was refused: the form as typed, the reason. */
  void refuse(Context ctx, ContactPage.Refused refused) {
    ctx.status(422);
    page(ctx, refused);
  }

  private void page(Context ctx, ContactPage.Refused refused) {
    Integer tier = tier(ctx.queryParam("tier"));
    Long hypothesis = hypothesis(ctx.queryParam("hypothesis"));
    List<Hypothesis> hypotheses = h.app.hypotheses().list();
    List<Contact> all = h.app.contacts().list(Optional.empty());
    java.util.Map<Long, String> next = new java.util.HashMap<>();
    for (dev.rapport.schedule.NextAction n : h.app.schedule(() -> true, null).plan())
      next.put(
          n.contactId(),
          n.action().description() + ", " + h.time(n.at().atOffset(java.time.ZoneOffset.UTC)));
    List<Column> columns = new ArrayList<>();
    int shown = 0;
    for (Stage s : Stage.values()) {
      List<Card> cards = new ArrayList<>();
      for (Contact c : all) {
        if (c.stage() != s) continue;
        if (tier != null && c.tier() != tier) continue;
        if (hypothesis != null && !hypothesis.equals(c.hypothesisId())) continue;
        cards.add(
            new Card(
                c.id(),
                c.name(),
                ContactPage.line(c),
                c.tier(),
                hypotheses.stream()
                    .filter(x -> c.hypothesisId() != null && x.id() == c.hypothesisId())
                    .map(Hypothesis::text)
                    .findFirst()
                    .orElse(""),
                next.getOrDefault(c.id(), "")));
      }
      shown += cards.size();
      columns.add(new Column(s.name(), label(s), cards));
    }
    List<Option> tiers = new ArrayList<>();
    tiers.add(new Option("", "All tiers", tier == null));
    for (int t = 1; t <= 4; t++)
      tiers.add(new Option(String.valueOf(t), "Tier " + t, tier != null && tier == t));
    Map<String, Object> m = Dashboard.model();
    m.put("columns", columns);
    m.put("tiers", tiers);
    m.put("hypotheses", hypothesisOptions(hypotheses, hypothesis));
    m.put("stages", stageOptions(null));
    m.put("total", all.size());
    m.put("shown", shown);
    m.put("filtered", tier != null || hypothesis != null);
    m.put("back", ctx.method() == io.javalin.http.HandlerType.GET ? backPath(ctx) : "/pipeline");
    m.put("addTyped", refused == null ? Map.of() : refused.typed());
    m.put("addError", refused == null ? "" : refused.error());
    m.put("levels", List.of("EMERGING", "MID", "SENIOR"));
    m.put("addHypotheses", hypotheses);
    m.put("next", h.app.whoNext().suggest(null));
    h.render(ctx, "pipeline.ftlh", "Pipeline", "pipeline", m);
  }

  /** A move by hand from a card or the contact page. */
  void move(Context ctx) {
    long id = h.id(ctx);
    String stage = ctx.formParam("stage");
    if (stage == null || stage.isBlank()) throw new InvalidInputException("Choose a stage.");
    Contact before = h.app.contacts().get(id);
    Contact after =
        h.app
            .contacts()
            .moveManually(id, Stage.parse(stage), ctx.formParam("note"), Link.command("dashboard"));
    h.done(
        ctx,
        Sessions.Flash.ok(
            "Moved " + after.name() + " from " + before.stage() + " to " + after.stage() + "."),
        "/pipeline");
  }

  static List<Option> stageOptions(Stage current) {
    return Arrays.stream(Stage.values())
        .map(s -> new Option(s.name(), label(s), s == current))
        .toList();
  }

  static String label(Stage s) {
    String n = s.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private static String backPath(Context ctx) {
    String q = ctx.queryString();
    return "/pipeline" + (q == null || q.isEmpty() ? "" : "?" + q);
  }

  private static Integer tier(String s) {
    if (s == null || s.isBlank()) return null;
    try {
      int t = Integer.parseInt(s);
      return t >= 1 && t <= 4 ? t : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The hypothesis filter's choices, "All hypotheses" first. */
  static List<Option> hypothesisOptions(List<Hypothesis> hypotheses, Long chosen) {
    List<Option> hyps = new ArrayList<>();
    hyps.add(new Option("", "All hypotheses", chosen == null));
    for (Hypothesis x : hypotheses)
      hyps.add(
          new Option(
              String.valueOf(x.id()),
              x.id() + ": " + x.text(),
              chosen != null && chosen == x.id()));
    return hyps;
  }

  static Long hypothesis(String s) {
    if (s == null || s.isBlank()) return null;
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
