package dev.rapport.draft;

import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.interview.Interview;
import dev.rapport.interview.InterviewCalendar;
import dev.rapport.interview.InterviewChanges;
import dev.rapport.store.Database;
import dev.rapport.store.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CONFIRM drafts: when the user books the time a contact proposed, a short reply confirming day,
 * time, length and place, with the interview's .ics attached (stored with the draft). When the
 * interview moves while the draft waits (PENDING or APPROVED), the draft is cancelled and a new one
 * drafted with the new time, for review; when it is cancelled, so is the draft. A time that no
 * longer holds is never sent.
 */
public final class Confirmations implements InterviewChanges {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private final Database db;
  private final ContactService contacts;
  private final DraftTemplates templates;
  private final Clock clock;
  private final String myName;
  private final String myEmail;
  private final DraftStore drafts = new DraftStore();
  private final DraftLifecycle lifecycle;
  private final DraftAttachments attachments = new DraftAttachments();

  public Confirmations(
      Database db,
      ContactService contacts,
      DraftTemplates templates,
      Clock clock,
      String myName,
      String myEmail) {
    this.db = db;
    this.contacts = contacts;
    this.lifecycle = new DraftLifecycle(contacts);
    this.templates = templates;
    this.clock = clock;
    this.myName = myName;
    this.myEmail = myEmail;
  }

  /** Drafts the CONFIRM reply for a booked interview; PENDING, for review. */
  public Draft confirm(Interview i) {
    return db.transaction(c -> confirm(c, i, "interviews schedule"));
  }

  private Draft confirm(Connection c, Interview i, String reason) {
    Contact contact = contacts.require(c, i.contactId());
    if (contact.channel().byHand()) {
      // a calendar file needs an address to invite; a note by hand says the time in words
      throw new DraftStateException(
          contact.name()
              + " is reached on "
              + contact.channel().label()
              + ": confirm the time in your own note there; no CONFIRM draft is made.");
    }
    DraftTemplates.Rendered rendered = templates.renderConfirm(contact, meeting(i));
    DraftThreads.Headers thread =
        DraftThreads.forNew(c, contact.id(), DraftKind.CONFIRM, rendered.content().subject());
    DraftContent content =
        new DraftContent(rendered.content().to(), thread.subject(), rendered.content().body());
    long id =
        drafts.insert(
            c,
            contact.id(),
            DraftKind.CONFIRM,
            content,
            contact.name(),
            thread,
            rendered.template(),
            reason,
            clock.instant(),
            dev.rapport.contact.Channel.EMAIL);
    Sql.update(c, "UPDATE draft SET interview_id = ? WHERE id = ?", i.id(), id);
    String ics = InterviewCalendar.write(i, contact.name(), contact.email(), myName, myEmail);
    attachments.insert(
        c,
        id,
        new Attachment(
            "interview-" + i.id() + ".ics",
            "text/calendar; method=REQUEST; charset=UTF-8",
            ics.getBytes(StandardCharsets.UTF_8),
            "VEVENT \"Informational interview with "
                + contact.name()
                + "\" "
                + i.label().replaceFirst("^interview \\d+ on ", "")
                + ", "
                + i.minutes()
                + " minutes"
                + (i.place() == null ? "" : ", " + i.place())),
        clock.instant());
    contacts.record(
        c,
        contact.id(),
        EventType.DRAFT_CREATED,
        "CONFIRM draft " + id + " from " + rendered.template() + ": " + content.subject(),
        Link.draft(id));
    return drafts.find(c, id).orElseThrow();
  }

  @Override
  public void moved(Connection c, Interview i) {
    if (!waiting(c, i).isEmpty() && cancelWaiting(c, i, "the interview moved to " + i.label()))
      confirm(c, i, "interview " + i.id() + " moved: confirms the new time");
  }

  @Override
  public void cancelled(Connection c, Interview i) {
    cancelWaiting(c, i, "the interview was cancelled");
  }

  @Override
  public void held(Connection c, Interview i) {
    cancelWaiting(c, i, "the interview took place");
  }

  private static List<Long> waiting(Connection c, Interview i) {
    return Sql.list(
        c,
        "SELECT id FROM draft WHERE interview_id = ? AND kind = 'CONFIRM' AND status IN ('PENDING', 'APPROVED')",
        rs -> rs.getLong(1),
        i.id());
  }

  private boolean cancelWaiting(Connection c, Interview i, String why) {
    boolean any = false;
    for (long id : waiting(c, i)) {
      if (!lifecycle.cancel(
          c,
          i.contactId(),
          id,
          "not sent: " + why,
          "CONFIRM draft " + id + " cancelled: " + why,
          clock.instant())) continue;
      any = true;
    }
    return any;
  }

  /** What confirm.ftl sees as {@code interview}: day, time and zone, length, place. */
  static Map<String, Object> meeting(Interview i) {
    ZonedDateTime start = i.start();
    Map<String, Object> m = new HashMap<>();
    m.put("day", DAY.format(start));
    m.put("time", TIME.format(start));
    m.put("zone", start.getZone().getId());
    m.put("minutes", i.minutes());
    if (i.place() != null) m.put("place", i.place());
    return m;
  }
}
