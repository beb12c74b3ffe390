package dev.rapport.draft;

import dev.rapport.config.Config;
import dev.rapport.contact.Contact;
import dev.rapport.hypothesis.Hypothesis;
import dev.rapport.template.RenderedMessage;
import dev.rapport.template.TemplateEngine;
import dev.rapport.template.TemplateRenderException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the template for a draft and gives it its variables. The lookup order, documented in
 * {@code templates/README.md}: {@code <kind>-referred.ftl} for a referred contact, then {@code
 * <kind>-tier<N>.ftl} for the contact's tier, then the plain {@code <kind>.ftl}. Values that are
 * not known are left out of the model rather than set empty, so a template that uses one without a
 * default ({@code !} or {@code ??}) fails with a message instead of sending an awkward gap.
 */
public final class DraftTemplates {
  private final TemplateEngine engine;
  private final Config.Me me;

  public DraftTemplates(TemplateEngine engine, Config.Me me) {
    this.engine = engine;
    this.me = me;
  }

  /** How the user signs, which {@link OutreachCheck} leaves out of the count. */
  String signature() {
    return me.signature();
  }

  /** The file names to try for a draft of {@code kind}, in order. */
  public static List<String> candidates(DraftKind kind, int tier, boolean referred) {
    List<String> names = new ArrayList<>(3);
    if (referred) names.add(kind.templateBase() + "-referred.ftl");
    names.add(kind.templateBase() + "-tier" + tier + ".ftl");
    names.add(kind.templateBase() + ".ftl");
    return names;
  }

  /**
   * The first candidate that exists: in the user's templates folder when it has any file of the
   * kind, else among rapport's defaults. For a contact reached off email ({@link
   * dev.rapport.contact.Channel#byHand()}), {@code <kind>-short.ftl} comes first.
   */
  public String choose(DraftKind kind, Contact contact, boolean referred) {
    List<String> names = candidates(kind, contact.tier(), referred);
    if (contact.channel().byHand()) {
      names = new ArrayList<>(names);
      names.add(0, kind.templateBase() + "-short.ftl");
    }
    for (String name : names) {
      if (engine.exists(name)) return name;
    }
    List<String> yours = engine.usersOfKind(kind.templateBase());
    throw new TemplateRenderException(
        "There is no template for "
            + kind
            + " drafts: "
            + engine.describe(names.get(names.size() - 1))
            + " is missing"
            + (yours.isEmpty()
                ? "."
                : "; your templates folder has "
                    + String.join(", ", yours)
                    + ", so only your files are used for this kind. Add it ('rapport templates"
                    + " export DIR' copies rapport's), or remove yours to use rapport's again."));
  }

  /**
   * What a thank-you (or a keep-in-touch note) may mention of the interview: its date as text in
   * the user's zone, the highlight from the notes (null when none was recorded), and the people the
   * contact offered to introduce the user to, in the order recorded.
   */
  public record InterviewFacts(String date, String highlight, List<Contact> introductions) {
    public InterviewFacts {
      introductions = introductions == null ? List.of() : List.copyOf(introductions);
    }

    public InterviewFacts(String date, String highlight) {
      this(date, highlight, List.of());
    }
  }

  /** A rendered draft: the file it came from and its checked content, addressed to the contact. */
  public record Rendered(String template, DraftContent content) {}

  /**
   * Renders a draft of {@code kind} for {@code contact}; {@code referrer} and {@code hypothesis}
   * may be null. A subject or body that cannot be sent is refused naming the file.
   */
  public Rendered render(DraftKind kind, Contact contact, Contact referrer, Hypothesis hypothesis) {
    return render(kind, contact, referrer, hypothesis, null);
  }

  /** As above, with the interview a thank-you is for (null for none). */
  public Rendered render(
      DraftKind kind,
      Contact contact,
      Contact referrer,
      Hypothesis hypothesis,
      InterviewFacts interview) {
    return render(kind, contact, referrer, hypothesis, interview, null);
  }

  /** As above, with the person a referral nudge is about (null for none): {@code referral.*}. */
  public Rendered render(
      DraftKind kind,
      Contact contact,
      Contact referrer,
      Hypothesis hypothesis,
      InterviewFacts interview,
      Contact referral) {
    return render(kind, contact, referrer, hypothesis, interview, referral, null);
  }

  /**
   * As above, with the latest research note on the contact ({@code contacts note}; null for none),
   * offered in outreach as a starting point for why you write to them: {@code contact.note}.
   */
  public Rendered render(
      DraftKind kind,
      Contact contact,
      Contact referrer,
      Hypothesis hypothesis,
      InterviewFacts interview,
      Contact referral,
      String note) {
    String name = choose(kind, contact, referrer != null);
    Map<String, Object> model = model(contact, referrer, hypothesis);
    if (referral != null) model.put("referral", person(referral));
    putIfKnown(contactModel(model), "note", Phrases.quotable(note));
    if (interview != null) {
      Map<String, Object> i = new HashMap<>();
      putIfKnown(i, "date", interview.date());
      putIfKnown(i, "highlight", interview.highlight());
      model.put("interview", i);
      List<Map<String, Object>> introductions = new ArrayList<>();
      for (Contact p : interview.introductions()) introductions.add(person(p));
      model.put("introductions", introductions);
    }
    RenderedMessage message = engine.renderMessage(name, model);
    try {
      return new Rendered(
          name,
          new DraftContent(
              contact.channel().byHand() ? null : contact.email(),
              message.subject(),
              message.body()));
    } catch (IllegalArgumentException e) {
      throw new TemplateRenderException(engine.describe(name) + ": " + e.getMessage());
    }
  }

  /** A CONFIRM draft: {@code interview.day, time, zone, minutes, place} (place only when known). */
  public Rendered renderConfirm(Contact contact, Map<String, Object> meeting) {
    String name = choose(DraftKind.CONFIRM, contact, false);
    Map<String, Object> model = model(contact, null, null);
    model.put("interview", meeting);
    RenderedMessage message = engine.renderMessage(name, model);
    try {
      return new Rendered(
          name, new DraftContent(contact.email(), message.subject(), message.body()));
    } catch (IllegalArgumentException e) {
      throw new TemplateRenderException(engine.describe(name) + ": " + e.getMessage());
    }
  }

  /** The variables a template sees; templates/README.md lists them. */
  Map<String, Object> model(Contact contact, Contact referrer, Hypothesis hypothesis) {
    Map<String, Object> model = new HashMap<>();
    Map<String, Object> meModel = new HashMap<>();
    meModel.put("name", me.name());
    meModel.put("email", me.email());
    meModel.put("signature", me.signature());
    putIfKnown(meModel, "pitch", me.pitch());
    model.put("me", meModel);
    // One pitch: the hypothesis's own, else the user's. Templates state only this, so a contact
    // linked to one hypothesis never reads the pitch of another.
    String pitch =
        hypothesis != null && hypothesis.pitch() != null ? hypothesis.pitch() : me.pitch();
    putIfKnown(model, "pitch", Phrases.sentence(pitch));

    Map<String, Object> c = person(contact);
    c.put("email", contact.email());
    putIfKnown(c, "role", contact.role());
    c.put("tier", contact.tier());
    model.put("contact", c);

    if (referrer != null) model.put("referrer", person(referrer));
    // Always a list (empty without an interview), so a template asks only ?has_content.
    model.put("introductions", List.of());
    // Templates place the hypothesis mid-sentence ("exploring one idea: product management"):
    // its first capital goes unless it starts a name or an acronym ("AI in health" stays).
    if (hypothesis != null)
      model.put("hypothesis", Map.of("text", Phrases.midSentence(hypothesis.text())));
    return model;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> contactModel(Map<String, Object> model) {
    return (Map<String, Object>) model.get("contact");
  }

  private static Map<String, Object> person(Contact p) {
    Map<String, Object> m = new HashMap<>();
    m.put("name", p.name());
    m.put("firstName", p.firstName());
    putIfKnown(m, "company", p.company());
    return m;
  }

  private static void putIfKnown(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isBlank()) m.put(key, value);
  }
}
