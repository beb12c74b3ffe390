package dev.rapport.dashboard;

import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactDetails;
import dev.rapport.contact.Event;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Stage;
import dev.rapport.draft.Draft;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One contact: details, the timeline (messages sent and received with their classification, stage
 * moves, notes, drafts), their drafts, a move by hand, outreach and research notes, and the
 * interview section ({@link InterviewPanel}).
 */
final class ContactPage {
  private final Handlers h;
  private final InterviewPanel interviews;

  ContactPage(Handlers h) {
    this.h = h;
    this.interviews = new InterviewPanel(h);
  }

  /** A form of this page that was refused: shown again as typed, with the reason. */
  record Refused(String form, Map<String, String> typed, String error) {}

  public record Field(String label, String value, String href) {}

  /**
   * One timeline entry; a reply adds its own words, the phrase that reads like a no (only on the
   * reply suggested as DECLINED) and whether the Decline button stands beside it. {@code
   * technical}: Message-IDs and server replies, under "Details".
   */
  public record EventView(
      long id,
      String at,
      String type,
      String label,
      String detail,
      String technical,
      String excerpt,
      String declinePhrase,
      boolean canDecline) {}

  public record DraftLine(long id, String kind, String status, String subject, String updated) {}

  void show(Context ctx) {
    page(ctx, h.id(ctx), null);
  }

  /** The page again after a refused form, answered 422 so the browser keeps it out of history. */
  void refuse(Context ctx, long id, Refused refused) {
    ctx.status(422);
    page(ctx, id, refused);
  }

  private void page(Context ctx, long id, Refused refused) {
    ContactDetails details = h.app.contacts().show(id);
    Contact c = details.contact();
    List<Field> fields = new ArrayList<>();
    if (c.email() != null) fields.add(new Field("Email", c.email(), null));
    if (c.channel().byHand())
      fields.add(
          new Field(
              "Reached by",
              c.channel().label() + ": notes are sent by hand and marked sent",
              null));
    if (c.profileUrl() != null) fields.add(new Field("Profile", c.profileUrl(), c.profileUrl()));
    if (c.phone() != null) fields.add(new Field("Phone", c.phone(), null));
    if (c.connectedOn() != null)
      fields.add(new Field("Connected on", c.connectedOn().toString(), null));
    if (present(c.company())) fields.add(new Field("Company", c.company(), null));
    if (present(c.role())) fields.add(new Field("Role", c.role(), null));
    fields.add(new Field("Tier", String.valueOf(c.tier()), null));
    fields.add(new Field("Stage", PipelinePage.label(c.stage()), null));
    fields.add(
        new Field(
            "Time zone",
            c.timezone() == null
                ? "not set: mail goes inside your sending window in " + h.zone().getId()
                : c.timezone().getId() + ": mail goes inside your sending window in their zone",
            null));
    fields.add(
        new Field(
            "Keep in touch",
            c.keepInTouch()
                ? "yes: a short note for your review "
                    + dev.rapport.config.Durations.format(h.app.config().cadence().keepInTouchMin())
                    + " to "
                    + dev.rapport.config.Durations.format(h.app.config().cadence().keepInTouchMax())
                    + " after the last exchange"
                : "not marked",
            null));
    if (c.followUps() > 0)
      fields.add(new Field("Nudges sent", String.valueOf(c.followUps()), null));
    if (c.referredBy() != null) {
      Contact r = h.app.contacts().get(c.referredBy());
      fields.add(new Field("Referred by", r.name(), "/contacts/" + r.id()));
    }
    if (c.hypothesisId() != null)
      fields.add(
          new Field(
              "Hypothesis",
              c.hypothesisId() + ": " + h.app.hypotheses().get(c.hypothesisId()).text(),
              null));
    fields.add(
        new Field(
            "Next",
            h.app
                .schedule(() -> true, null)
                .next(id)
                .map(
                    n ->
                        n.action().description()
                            + ", "
                            + h.time(n.at().atOffset(java.time.ZoneOffset.UTC))
                            + " ("
                            + n.why()
                            + ")")
                .orElse("nothing scheduled"),
            null));
    if (present(c.source())) fields.add(new Field("Source", c.source(), null));
    fields.add(new Field("Added", h.time(c.createdAt()), null));
    List<EventView> events = new ArrayList<>();
    Optional<Event> no = details.declineSuggestion();
    Event lastReply = null;
    for (Event e : details.events()) if (e.type() == EventType.REPLY_RECEIVED) lastReply = e;
    boolean answerable = DECLINABLE.contains(c.stage());
    for (Event e : details.events())
      events.add(
          new EventView(
              e.id(),
              h.time(e.at()),
              e.type().name(),
              eventLabel(e),
              e.detail() == null ? "" : e.detail(),
              e.technical() == null ? "" : e.technical(),
              e.excerpt() == null ? "" : e.excerpt(),
              no.isPresent() && no.get().id() == e.id() ? e.declinePhrase() : null,
              answerable && e == lastReply));
    java.util.Collections.reverse(events);
    List<DraftLine> drafts = new ArrayList<>();
    List<Draft> theirs =
        h.app.drafts().list(Optional.empty()).stream().filter(d -> d.contactId() == id).toList();
    for (Draft d : theirs)
      drafts.add(
          new DraftLine(
              d.id(), d.kind().name(), d.status().name(), d.subject(), h.time(d.updatedAt())));
    Map<String, Object> m = Dashboard.model();
    m.put("contact", c);
    m.put("fields", fields);
    m.put("events", events);
    m.put("drafts", drafts);
    m.put("stages", PipelinePage.stageOptions(c.stage()));
    m.put("canOutreach", c.stage() == dev.rapport.contact.Stage.NEW);
    m.put("keep", c.keepInTouch());
    m.put("bounced", c.stage() == Stage.BOUNCED);
    m.put("edit", editFields(c, refused));
    m.put("levels", List.of("EMERGING", "MID", "SENIOR"));
    m.put("hypotheses", h.app.hypotheses().list());
    m.put("timezone", c.timezone() == null ? "" : c.timezone().getId());
    m.put("refusedForm", refused == null ? "" : refused.form());
    m.put("refusedError", refused == null ? "" : refused.error());
    interviews.fill(c, theirs, m, refused);
    h.render(ctx, "contact.ftlh", c.name(), "pipeline", m);
  }

  /** Stages from which the Decline button beside the latest reply records a "no". */
  private static final java.util.Set<Stage> DECLINABLE =
      java.util.EnumSet.of(
          Stage.CONTACTED, Stage.FOLLOWED_UP, Stage.REPLIED, Stage.NO_RESPONSE, Stage.SCHEDULED);

  /** The edit form's fields: the contact's details, or what a refused edit typed. */
  private static Map<String, String> editFields(Contact c, Refused refused) {
    if (refused != null && refused.form().equals(ContactForms.EDIT_FORM)) return refused.typed();
    Map<String, String> f = new java.util.HashMap<>();
    f.put("name", c.name());
    f.put("email", c.email() == null ? "" : c.email());
    f.put("company", c.company() == null ? "" : c.company());
    f.put("role", c.role() == null ? "" : c.role());
    f.put("tier", String.valueOf(c.tier()));
    f.put("level", c.level() == null ? "" : c.level().name());
    f.put("hypothesis", c.hypothesisId() == null ? "" : String.valueOf(c.hypothesisId()));
    f.put("reset", "");
    return f;
  }

  /** The line under a name: role at company, tier. */
  static String line(Contact c) {
    StringBuilder sb = new StringBuilder();
    if (present(c.role())) sb.append(c.role());
    if (present(c.company())) sb.append(sb.length() > 0 ? " at " : "").append(c.company());
    return sb.toString();
  }

  /** "DRAFT_SENT" reads "Draft sent"; any event type added later reads the same way. */
  private static String eventLabel(Event e) {
    String n = e.type().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
