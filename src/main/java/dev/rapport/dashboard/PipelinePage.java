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

  /**
   * A stage's column: the cards shown, how many contacts are in it (after the filters), and where
   * the rest are when not all fit.
   */
  public record Column(String stage, String label, List<Card> cards, int total, String more) {}

  /** Cards per column on the whole board: a connections export can put thousands in NEW. */
  static final int COLUMN_CARDS = 25;

  /** Cards per page when one stage is shown on its own. */
  static final int STAGE_PAGE = 200;

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
    Map<String, Object> m0 = Dashboard.model();
    java.util.Map<Long, String> next = new java.util.HashMap<>();
    for (dev.rapport.schedule.NextAction n : h.app.schedule(() -> true, null).plan())
      next.put(
          n.contactId(),
          n.action().description() + ", " + h.time(n.at().atOffset(java.time.ZoneOffset.UTC)));
    Stage only = stage(ctx.queryParam("stage"));
    int page = only == null ? 1 : page(ctx.queryParam("page"));
    List<Column> columns = new ArrayList<>();
    int shown = 0;
    int matching = 0;
    String filters = filters(tier, hypothesis);
    for (Stage s : Stage.values()) {
      if (only != null && s != only) continue;
      List<Contact> inStage = new ArrayList<>();
      for (Contact c : all) {
        if (c.stage() != s) continue;
        if (tier != null && c.tier() != tier) continue;
        if (hypothesis != null && !hypothesis.equals(c.hypothesisId())) continue;
        inStage.add(c);
      }
      int from = only == null ? 0 : Math.min(inStage.size(), (page - 1) * STAGE_PAGE);
      int to = Math.min(inStage.size(), from + (only == null ? COLUMN_CARDS : STAGE_PAGE));
      List<Card> cards = new ArrayList<>();
      for (Contact c : inStage.subList(from, to))
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
      String more = "";
      if (only == null && inStage.size() > cards.size())
        more = "/pipeline?stage=" + s.name() + filters;
      else if (only != null && to < inStage.size())
        more = "/pipeline?stage=" + s.name() + filters + "&page=" + (page + 1);
      shown += cards.size();
      matching += inStage.size();
      columns.add(new Column(s.name(), label(s), cards, inStage.size(), more));
      if (only != null) {
        m0.put("stageFrom", from + 1);
        m0.put("stageTo", to);
        m0.put(
            "previous",
            page > 1 ? "/pipeline?stage=" + s.name() + filters + "&page=" + (page - 1) : "");
      }
    }
    List<Option> tiers = new ArrayList<>();
    tiers.add(new Option("", "All tiers", tier == null));
    for (int t = 1; t <= 4; t++)
      tiers.add(new Option(String.valueOf(t), "Tier " + t, tier != null && tier == t));
    Map<String, Object> m = m0;
    m.put("columns", columns);
    m.put("only", only == null ? "" : only.name());
    m.put("onlyLabel", only == null ? "" : label(only));
    m.put("matching", matching);
    m.put("columnCards", COLUMN_CARDS);
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
    m.put(
        "secondContacts",
        h.app.config().twoHour() ? h.app.employers().secondContacts() : List.of());
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

  private static String filters(Integer tier, Long hypothesis) {
    return (tier == null ? "" : "&tier=" + tier)
        + (hypothesis == null ? "" : "&hypothesis=" + hypothesis);
  }

  private static Stage stage(String s) {
    if (s == null || s.isBlank()) return null;
    try {
      return Stage.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int page(String s) {
    try {
      return s == null ? 1 : Math.max(1, Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
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
