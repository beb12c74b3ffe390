package dev.rapport.draft;

import dev.rapport.NotFoundException;
import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.EmailAddresses;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.contact.Stage;
import dev.rapport.hypothesis.Hypothesis;
import dev.rapport.hypothesis.HypothesisService;
import dev.rapport.store.Database;
import dev.rapport.template.TemplateRenderException;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Drafts and their review: rendering outreach, approving, rejecting and editing. Every change is an
 * event on the contact's timeline, written in the same transaction. Nothing here sends; approval
 * only queues a draft.
 */
public final class DraftService {
  /**
   * Outreach in these statuses is on its way or may already have gone: never a second one beside
   * it.
   */
  private static final Set<DraftStatus> LIVE =
      EnumSet.of(
          DraftStatus.PENDING, DraftStatus.APPROVED, DraftStatus.SENDING, DraftStatus.UNCERTAIN);

  /**
   * Stages where even {@code --force} does not draft outreach: the contact asked not to be
   * contacted, or the address is bad.
   */
  private static final Set<Stage> NEVER = EnumSet.of(Stage.PAUSED, Stage.BOUNCED);

  private final Database db;
  private final ContactService contacts;
  private final HypothesisService hypotheses;
  private final DraftTemplates templates;
  private final Clock clock;
  private final DraftStore drafts = new DraftStore();
  private final DraftLifecycle lifecycle;

  public DraftService(
      Database db,
      ContactService contacts,
      HypothesisService hypotheses,
      DraftTemplates templates,
      Clock clock) {
    this.db = db;
    this.contacts = contacts;
    this.hypotheses = hypotheses;
    this.templates = templates;
    this.clock = clock;
    this.lifecycle = new DraftLifecycle(contacts);
  }

  /**
   * Renders a PENDING outreach draft for a contact in stage NEW. Refuses while another outreach
   * draft for them is pending, approved or on its way, and (unless {@code force}) when the contact
   * is past NEW or was already sent outreach: a second first note is the worst thing rapport could
   * send.
   */
  public Draft outreach(long contactId, boolean force) {
    return db.transaction(c -> outreach(c, contactId, force));
  }

  /**
   * As {@link #outreach(long, boolean)} for many contacts, in their order, a few transactions for
   * the whole run instead of one per contact: see {@link OutreachBatch}. Each contact's outcome
   * (its draft, or why it has none) goes to {@code each} once the transaction holding it is
   * committed.
   */
  public void outreach(List<Long> contactIds, boolean force, Consumer<OutreachBatch.Outcome> each) {
    new OutreachBatch(db, (c, id) -> outreach(c, id, force)).run(contactIds, each);
  }

  /** {@link #outreach(long, boolean)} inside the caller's transaction. */
  Draft outreach(Connection c, long contactId, boolean force) {
    // Two statements, not one SELECT … FOR UPDATE of the whole row: H2 caches no FOR UPDATE
    // query, and parsing the long one for every contact cost more than the second statement.
    drafts.lockContact(c, contactId);
    Contact contact = contacts.require(c, contactId);
    String who = contact.id() + " (" + contact.name() + ")";
    List<Draft> earlier = drafts.ofContact(c, contactId, DraftKind.OUTREACH);
    for (Draft d : earlier) {
      if (LIVE.contains(d.status())) {
        throw new DraftStateException(
            "Contact "
                + who
                + " already has outreach draft "
                + d.id()
                + " ("
                + d.status()
                + "); edit it with 'drafts edit "
                + d.id()
                + "', or reject it with 'drafts reject "
                + d.id()
                + "' before drafting another.");
      }
    }
    if (NEVER.contains(contact.stage())) {
      throw new DraftStateException(
          "Contact "
              + who
              + " is "
              + contact.stage()
              + "; no outreach is drafted for them. Move them by hand with 'contacts stage' if that has changed.");
    }
    // Outreach that went to another address (one that bounced and was corrected) was never
    // read: it does not count as sent.
    Optional<Draft> sent =
        earlier.stream()
            .filter(d -> d.status() == DraftStatus.SENT)
            .filter(d -> EmailAddresses.key(d.to()).equals(EmailAddresses.key(contact.email())))
            .findFirst();
    if (!force && sent.isPresent()) {
      throw new DraftStateException(
          "Contact "
              + who
              + " was already sent outreach (draft "
              + sent.get().id()
              + "); use --force to draft another anyway.");
    }
    if (!force && contact.stage() != Stage.NEW) {
      throw new DraftStateException(
          "Contact "
              + who
              + " is "
              + contact.stage()
              + ", not NEW; outreach is for people not yet contacted. Use --force to draft it anyway.");
    }
    String reason = outreachReason(contact.stage(), sent);
    return create(
        c, contact, DraftKind.OUTREACH, reason, null, null, "No draft for contact " + who);
  }

  /** Why an outreach draft exists, in the words the review page shows. */
  static String outreachReason(Stage stage, Optional<Draft> sent) {
    if (stage == Stage.NEW && sent.isEmpty()) return "First outreach: not contacted yet.";
    StringBuilder why = new StringBuilder("Written again at your request");
    if (stage != Stage.NEW) why.append(": the contact is at stage ").append(stage.word());
    sent.ifPresent(
        d ->
            why.append(stage != Stage.NEW ? ", and" : ":")
                .append(" your first outreach was sent")
                .append(d.sentAt() == null ? "" : " on " + d.sentAt().toLocalDate()));
    return why.append('.').toString();
  }

  /**
   * Renders a PENDING thank-you draft for a contact after their interview. Refuses while another
   * thank-you for them is pending, approved or on its way, and for a contact who asked not to be
   * contacted or whose address bounced.
   */
  public Draft thankYou(long contactId, DraftTemplates.InterviewFacts interview) {
    return db.transaction(
        c -> {
          drafts.lockContact(c, contactId);
          Contact contact = contacts.require(c, contactId);
          String who = contact.id() + " (" + contact.name() + ")";
          for (Draft d : drafts.ofContact(c, contactId, DraftKind.THANK_YOU)) {
            if (LIVE.contains(d.status())) {
              throw new DraftStateException(
                  "Contact "
                      + who
                      + " already has thank-you draft "
                      + d.id()
                      + " ("
                      + d.status()
                      + "); edit it with 'drafts edit "
                      + d.id()
                      + "', or reject it before drafting another.");
            }
          }
          if (NEVER.contains(contact.stage())) {
            throw new DraftStateException(
                "Contact "
                    + who
                    + " is "
                    + contact.stage()
                    + "; no thank-you is drafted for them.");
          }
          return create(
              c,
              contact,
              DraftKind.THANK_YOU,
              "thank-you after the interview",
              interview,
              null,
              "No thank-you draft for contact " + who);
        });
  }

  /**
   * After interview notes are recorded: a PENDING thank-you the user has not touched is written
   * again with what the notes now say (the highlight, the introductions offered), since {@code
   * interviews done} drafts it before the notes exist. Untouched means its body is still exactly
   * what the templates made from {@code before}; an edited one is left alone. Returns the rewritten
   * draft, if any.
   */
  public Optional<Draft> followNotes(
      long contactId, DraftTemplates.InterviewFacts before, DraftTemplates.InterviewFacts after) {
    if (before == null || after == null) return Optional.empty();
    return db.transaction(
        c -> {
          drafts.lockContact(c, contactId);
          Contact contact = contacts.require(c, contactId);
          for (Draft d : drafts.ofContact(c, contactId, DraftKind.THANK_YOU)) {
            if (d.status() != DraftStatus.PENDING || d.template() == null) continue;
            if (!d.body().equals(thankYouBody(c, contact, d.template(), before))) continue;
            String body = thankYouBody(c, contact, d.template(), after);
            if (body.equals(d.body())) return Optional.<Draft>empty();
            lifecycle.saveEdit(
                c, d.id(), new DraftContent(d.to(), d.subject(), body), clock.instant());
            contacts.record(
                c,
                contactId,
                EventType.DRAFT_EDITED,
                "THANK_YOU draft " + d.id() + " written again with your interview notes",
                Link.draft(d.id()));
            return drafts.find(c, d.id());
          }
          return Optional.<Draft>empty();
        });
  }

  private String thankYouBody(
      Connection c, Contact contact, String template, DraftTemplates.InterviewFacts facts) {
    DraftTemplates.Rendered r = render(c, contact, DraftKind.THANK_YOU, facts, null);
    return r.template().equals(template) ? r.content().body() : "";
  }

  /**
   * The templates' rendering of {@code kind} for {@code contact}, with who referred them, their
   * hypothesis and, for outreach, their latest research note.
   */
  private DraftTemplates.Rendered render(
      Connection c,
      Contact contact,
      DraftKind kind,
      DraftTemplates.InterviewFacts interview,
      Contact referral) {
    Contact referrer =
        contact.referredBy() == null ? null : contacts.require(c, contact.referredBy());
    Hypothesis hypothesis =
        contact.hypothesisId() == null ? null : hypotheses.get(contact.hypothesisId());
    String note =
        kind == DraftKind.OUTREACH ? contacts.latestNote(c, contact.id()).orElse(null) : null;
    return templates.render(kind, contact, referrer, hypothesis, interview, referral, note);
  }

  /**
   * Renders a PENDING draft of {@code kind} for the scheduler inside the caller's transaction
   * (which holds the contact's row), with its DRAFT_CREATED event. The scheduler has already
   * decided it is due; {@code reason} says why, for {@code drafts show}.
   */
  public Draft scheduled(Connection c, long contactId, DraftKind kind, String reason) {
    return scheduled(c, contactId, kind, reason, null);
  }

  /** As above, with what the templates may say of the interview ({@code interview.*}). */
  public Draft scheduled(
      Connection c,
      long contactId,
      DraftKind kind,
      String reason,
      DraftTemplates.InterviewFacts interview) {
    return scheduled(c, contactId, kind, reason, interview, null);
  }

  /** As above, with the person a referral nudge is about ({@code referral.*}); null for none. */
  public Draft scheduled(
      Connection c,
      long contactId,
      DraftKind kind,
      String reason,
      DraftTemplates.InterviewFacts interview,
      Contact referral) {
    drafts.lockContact(c, contactId);
    return create(c, contacts.require(c, contactId), kind, reason, interview, referral, null);
  }

  /**
   * A REFERRAL_NUDGE for the scheduler, as {@link #scheduled}, that keeps the referral it asks
   * about in its own column ({@code draft.referral_id}): the outbox's last look reads it there.
   */
  public Draft referralNudge(
      Connection c,
      long contactId,
      String reason,
      DraftTemplates.InterviewFacts interview,
      Contact referred,
      long referralId) {
    Draft d = scheduled(c, contactId, DraftKind.REFERRAL_NUDGE, reason, interview, referred);
    drafts.setReferral(c, d.id(), referralId);
    return d;
  }

  /**
   * Renders a PENDING draft of {@code kind} for {@code contact} (with who referred them and their
   * hypothesis), stores it and puts DRAFT_CREATED on the timeline, inside the caller's transaction.
   * {@code failing}, when given, names the draft in the message of a template that fails.
   */
  private Draft create(
      Connection c,
      Contact contact,
      DraftKind kind,
      String reason,
      DraftTemplates.InterviewFacts interview,
      Contact referral,
      String failing) {
    DraftTemplates.Rendered rendered;
    try {
      rendered = render(c, contact, kind, interview, referral);
    } catch (TemplateRenderException e) {
      if (failing == null) throw e;
      throw new TemplateRenderException(failing + ": " + e.getMessage(), e);
    }
    // A note sent by hand joins no mail thread.
    DraftThreads.Headers thread =
        contact.channel().byHand()
            ? new DraftThreads.Headers(rendered.content().subject(), null, null)
            : DraftThreads.forNew(c, contact.id(), kind, rendered.content().subject());
    DraftContent content =
        new DraftContent(rendered.content().to(), thread.subject(), rendered.content().body());
    long id =
        drafts.insert(
            c,
            contact.id(),
            kind,
            content,
            contact.name(),
            thread,
            rendered.template(),
            reason,
            clock.instant(),
            contact.channel());
    contacts.record(
        c,
        contact.id(),
        EventType.DRAFT_CREATED,
        kind + " draft " + id + " from " + rendered.template() + ": " + content.subject(),
        Link.draft(id));
    return drafts.find(c, id).orElseThrow();
  }

  /**
   * What {@link OutreachCheck} finds in an outreach draft as it stands now (edits included); empty
   * for other kinds. Warnings only: approval never asks for them.
   */
  public List<String> warnings(Draft d) {
    if (d.kind() != DraftKind.OUTREACH) return List.of();
    return db.read(
        c -> {
          Contact contact = contacts.require(c, d.contactId());
          Contact referrer =
              contact.referredBy() == null ? null : contacts.require(c, contact.referredBy());
          return OutreachCheck.check(
              d.body(),
              new OutreachCheck.Recipient(
                  contact.firstName(),
                  contact.company(),
                  referrer == null ? null : referrer.firstName(),
                  contact.tier() <= 2),
              templates.signature());
        });
  }

  public Draft get(long id) {
    return db.read(c -> require(c, id));
  }

  /** The files stored with a draft (a CONFIRM draft's .ics), as the outbox will attach them. */
  public List<Attachment> attachments(long id) {
    return db.read(c -> new DraftAttachments().of(c, id));
  }

  /** "interview-3.ics (text/calendar; …, 612 bytes): VEVENT …", for review. */
  public static String describe(Attachment a) {
    return a.filename()
        + " ("
        + a.contentType()
        + ", "
        + a.size()
        + " bytes)"
        + (a.summary() == null ? "" : ": " + a.summary());
  }

  public List<Draft> list(Optional<DraftStatus> status) {
    return db.read(c -> drafts.list(c, status));
  }

  /**
   * PENDING → APPROVED. Nothing is sent here; the outbox sends approved drafts within the sending
   * window.
   */
  public Draft approve(long id) {
    return db.transaction(c -> approve(c, id));
  }

  /**
   * Approves every PENDING draft, in one transaction; returns them. Drafts with a placeholder still
   * to fill in are left PENDING (see {@link Placeholders}).
   */
  public List<Draft> approveAll() {
    return db.transaction(
        c -> {
          List<Draft> approved = new ArrayList<>();
          for (Draft d : drafts.list(c, Optional.of(DraftStatus.PENDING)))
            if (!d.byHand() && Placeholders.first(d.content()).isEmpty())
              approved.add(approve(c, d.id()));
          return approved;
        });
  }

  /** PENDING or APPROVED → REJECTED. */
  public Draft reject(long id) {
    return db.transaction(
        c -> {
          Draft d = require(c, id);
          if (!lifecycle.reject(c, d, clock.instant())) {
            throw new DraftStateException(
                "Draft "
                    + id
                    + " is "
                    + d.status()
                    + "; only PENDING or APPROVED drafts can be rejected.");
          }
          return require(c, id);
        });
  }

  /** Refuses, before an editor opens, a draft that can no longer be edited. */
  public Draft requireEditable(long id) {
    Draft d = get(id);
    if (!d.status().reviewable()) {
      throw new DraftStateException(
          "Draft " + id + " is " + d.status() + "; only PENDING or APPROVED drafts can be edited.");
    }
    return d;
  }

  /**
   * Saves an edit of the draft {@code seen} as it was when the editor opened. Returns empty when
   * the edit changes nothing. Refuses when the draft changed in the meantime (approved, sent,
   * edited elsewhere). The previous text goes on the timeline; an approved draft goes back to
   * PENDING for another review.
   */
  public Optional<Draft> edit(Draft seen, DraftContent edited) {
    return db.transaction(
        c -> {
          Draft now = drafts.lock(c, seen.id()).orElseThrow(() -> missing(seen.id()));
          if (now.status() != seen.status()
              || !now.updatedAt().isEqual(seen.updatedAt())
              || !now.content().equals(seen.content())) {
            throw new DraftStateException(
                "Draft "
                    + seen.id()
                    + " changed while you were editing it (it is now "
                    + now.status()
                    + "); your edit was not saved.");
          }
          if (!now.status().reviewable()) {
            throw new DraftStateException(
                "Draft "
                    + now.id()
                    + " is "
                    + now.status()
                    + "; only PENDING or APPROVED drafts can be edited.");
          }
          if ((edited.to() == null) != now.byHand()) {
            throw new DraftStateException(
                now.byHand()
                    ? "Draft " + now.id() + " is a note sent by hand; it has no To line."
                    : "line 1: the To header is missing; an email draft goes to one address.");
          }
          if (edited.equals(now.content())) return Optional.empty();
          lifecycle.saveEdit(c, now.id(), edited, clock.instant());
          contacts.record(
              c,
              now.contactId(),
              EventType.DRAFT_EDITED,
              editDetail(now, edited),
              Link.draft(now.id()));
          return Optional.of(require(c, now.id()));
        });
  }

  private Draft approve(Connection c, long id) {
    Draft d = require(c, id);
    if (d.byHand()) {
      throw new DraftStateException(
          "Draft "
              + id
              + " is a note for "
              + d.channel().label()
              + ", which rapport does not send: copy it, send it by hand, then 'drafts mark-sent "
              + id
              + "'.");
    }
    Optional<String> placeholder = Placeholders.first(d.content());
    if (d.status() == DraftStatus.PENDING && placeholder.isPresent()) {
      throw new DraftStateException(
          "Draft "
              + id
              + " still has a placeholder for your own words: "
              + abbreviate(placeholder.get())
              + ". Replace it with 'drafts edit "
              + id
              + "', then approve.");
    }
    if (!lifecycle.approve(c, d, clock.instant())) {
      throw new DraftStateException(
          "Draft " + id + " is " + d.status() + "; only PENDING drafts can be approved.");
    }
    return require(c, id);
  }

  private static String abbreviate(String placeholder) {
    String oneLine = placeholder.replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "…]]";
  }

  private static String editDetail(Draft before, DraftContent after) {
    StringBuilder sb = new StringBuilder("draft " + before.id() + " edited");
    if (before.status() == DraftStatus.APPROVED) sb.append(", back to PENDING for review");
    if (!java.util.Objects.equals(before.to(), after.to()))
      sb.append("; To changed from ").append(before.to()).append(" to ").append(after.to());
    sb.append(". Before the edit:\n");
    if (before.to() != null) sb.append("To: ").append(before.to()).append('\n');
    sb.append("Subject: ").append(before.subject()).append("\n\n").append(before.body());
    return sb.toString();
  }

  private Draft require(Connection c, long id) {
    return drafts.find(c, id).orElseThrow(() -> missing(id));
  }

  private static NotFoundException missing(long id) {
    return new NotFoundException("There is no draft " + id + ".");
  }
}
