package dev.rapport.interview;

import dev.rapport.InvalidInputException;
import dev.rapport.NotFoundException;
import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.contact.Trigger;
import dev.rapport.draft.DraftTemplates;
import dev.rapport.store.Database;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Scheduling interviews and marking them done or cancelled. Stage moves go through {@link
 * ContactService#apply}; every change is an event on the contact's timeline, in the same
 * transaction. A contact has at most one SCHEDULED interview at a time.
 */
public final class InterviewService {
  private final Database db;
  private final ContactService contacts;
  private final Clock clock;
  private final ZoneId userZone;
  private final InterviewStore store = new InterviewStore();
  private final NotesStore notes = new NotesStore();
  private final Booking booking;

  private final InterviewChanges changes;

  public InterviewService(Database db, ContactService contacts, Clock clock, ZoneId userZone) {
    this(db, contacts, clock, userZone, InterviewChanges.NONE);
  }

  /** As above; {@code changes} follows each move and cancellation (CONFIRM drafts waiting). */
  public InterviewService(
      Database db,
      ContactService contacts,
      Clock clock,
      ZoneId userZone,
      InterviewChanges changes) {
    this.changes = changes;
    this.db = db;
    this.contacts = contacts;
    this.clock = clock;
    this.userZone = userZone;
    this.booking = new Booking(contacts, clock, store);
  }

  public static Link link(long interviewId) {
    return new Link("interview", interviewId);
  }

  public Interview schedule(long contactId, Slot slot) {
    return schedule(contactId, slot, false);
  }

  /**
   * Books an interview. A start in the past is refused with the reason unless {@code force}
   * (recording history: a conversation booked after it took place).
   */
  public Interview schedule(long contactId, Slot slot, boolean force) {
    if (!force && slot.start().toInstant().isBefore(clock.instant()))
      throw new InvalidInputException(
          "--at: "
              + InterviewTime.describe(slot.start())
              + " is in the past (now it is "
              + InterviewTime.describe(clock.instant().atZone(slot.start().getZone()))
              + "). To record a conversation that already happened, add --force, or use"
              + " 'interviews done "
              + contactId
              + "'.");
    return db.transaction(
        c -> {
          Contact contact = contacts.require(c, contactId);
          Optional<Interview> booked = store.latest(c, contactId, Interview.Status.SCHEDULED);
          if (booked.isPresent()) {
            throw new InvalidInputException(
                who(contact)
                    + " already has "
                    + booked.get().label()
                    + "; change it with 'interviews reschedule "
                    + contactId
                    + " --at ...' or cancel it with 'interviews cancel "
                    + contactId
                    + "'.");
          }
          return booking.insertScheduled(c, contact, slot, Interview.Source.COMMAND, null, "");
        });
  }

  public Interview reschedule(long contactId, Slot slot) {
    return reschedule(contactId, booked -> slot);
  }

  /**
   * Moves the contact's scheduled interview to the slot {@code moved} makes of it (from the
   * interview as booked, read in the same transaction: {@code interviews reschedule} keeps the
   * length and place that were not given).
   */
  public Interview reschedule(long contactId, java.util.function.Function<Interview, Slot> moved) {
    return db.transaction(
        c -> {
          Contact contact = contacts.require(c, contactId);
          Interview i = requireScheduled(c, contact);
          Slot slot = moved.apply(i);
          store.reschedule(c, i.id(), slot.start(), slot.minutes(), slot.place(), clock.instant());
          contacts.record(
              c,
              contactId,
              EventType.INTERVIEW_RESCHEDULED,
              "Interview " + i.id() + " moved from " + i.label() + " to " + slot.describe(),
              link(i.id()));
          Interview after = store.find(c, i.id()).orElseThrow();
          changes.moved(c, after);
          return after;
        });
  }

  public Interview cancel(long contactId, String note) {
    return db.transaction(
        c -> {
          Contact contact = contacts.require(c, contactId);
          Interview i = requireScheduled(c, contact);
          store.setStatus(c, i.id(), Interview.Status.CANCELLED, clock.instant());
          String detail =
              "Cancelled "
                  + i.label()
                  + (note == null || note.isBlank() ? "" : ": " + note.strip());
          contacts.record(c, contactId, EventType.INTERVIEW_CANCELLED, detail, link(i.id()));
          contacts.apply(c, contactId, Trigger.INTERVIEW_CANCELLED, detail, link(i.id()));
          Interview after = store.find(c, i.id()).orElseThrow();
          changes.cancelled(c, after);
          return after;
        });
  }

  /**
   * Marks the contact's scheduled interview done; with none scheduled, records one held now (a call
   * that happened without being booked here).
   */
  public Interview done(long contactId) {
    return done(contactId, false);
  }

  /**
   * As {@link #done(long)}; with {@code cardReminder} (config {@code cadence.thank_you_card}), the
   * timeline also reminds the user to send a handwritten card.
   */
  public Interview done(long contactId, boolean cardReminder) {
    return done(contactId, cardReminder, false);
  }

  /**
   * As above; an interview booked to start later than now is refused with the reason unless {@code
   * force} (it took place earlier than booked).
   */
  public Interview done(long contactId, boolean cardReminder, boolean force) {
    return db.transaction(
        c -> {
          Contact contact = contacts.require(c, contactId);
          Instant now = clock.instant();
          Optional<Interview> booked = store.latest(c, contactId, Interview.Status.SCHEDULED);
          long id;
          if (booked.isPresent()) {
            if (!force && booked.get().startsAt().toInstant().isAfter(now))
              throw new InvalidInputException(
                  who(contact)
                      + "'s "
                      + booked.get().label()
                      + " has not started yet; mark it done after it took place, or add --force"
                      + " if it was held earlier than booked.");
            id = booked.get().id();
            store.setStatus(c, id, Interview.Status.DONE, now);
          } else {
            Optional<Interview> held = store.latest(c, contactId, Interview.Status.DONE);
            if (held.isPresent()) {
              throw new InvalidInputException(
                  who(contact)
                      + "'s "
                      + held.get().label()
                      + " is already done; schedule the next conversation first with"
                      + " 'interviews schedule "
                      + contactId
                      + " --at ...'.");
            }
            id =
                store.insert(
                    c,
                    contactId,
                    Interview.Status.DONE,
                    now.atZone(userZone),
                    Slot.DEFAULT_MINUTES,
                    null,
                    Interview.Source.COMMAND,
                    null,
                    now);
          }
          Interview i = store.find(c, id).orElseThrow();
          changes.held(c, i);
          String detail = "Held " + i.label();
          contacts.record(c, contactId, EventType.INTERVIEW_DONE, detail, link(id));
          contacts.apply(c, contactId, Trigger.INTERVIEW_DONE, detail, link(id));
          if (cardReminder)
            contacts.record(
                c,
                contactId,
                EventType.CARD_REMINDER,
                "Send a handwritten card too; tick it off with 'interviews card-sent "
                    + contactId
                    + "'",
                link(id));
          return i;
        });
  }

  /**
   * Ticks off the handwritten card for the contact's latest held interview; refused before an
   * interview is held, and a second time for the same interview.
   */
  public Interview cardSent(long contactId) {
    return db.transaction(
        c -> {
          Contact contact = contacts.require(c, contactId);
          Interview held =
              store
                  .latest(c, contactId, Interview.Status.DONE)
                  .orElseThrow(
                      () ->
                          new InvalidInputException(
                              who(contact)
                                  + " has no interview marked done yet; a card follows"
                                  + " 'interviews done "
                                  + contactId
                                  + "'."));
          boolean already =
              Sql.count(
                      c,
                      "SELECT COUNT(*) FROM event WHERE contact_id = ? AND type = 'CARD_SENT'"
                          + " AND interview_id = ?",
                      contactId,
                      held.id())
                  > 0;
          if (already)
            throw new InvalidInputException(
                "The card for " + who(contact) + "'s " + held.label() + " is already ticked off.");
          contacts.record(
              c,
              contactId,
              EventType.CARD_SENT,
              "Handwritten card sent for " + held.label(),
              link(held.id()));
          return held;
        });
  }

  public List<Interview> list(Optional<Interview.Status> status) {
    return db.read(c -> store.list(c, status));
  }

  /** The contact's latest interview that was not cancelled, for notes and thank-yous. */
  public Optional<Interview> latestHeld(Connection c, long contactId) {
    return store.latestHeld(c, contactId);
  }

  /** Interviews held or scheduled with contacts of one hypothesis (null: everyone's). */
  public List<Interview> held(Connection c, Long hypothesisId) {
    return store.held(c, hypothesisId);
  }

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("EEEE, d MMMM", java.util.Locale.ENGLISH);

  /**
   * What a thank-you to the contact may mention: the date of their latest interview in the user's
   * zone ("Tuesday, 1 December") and its highlight. Refuses when the contact has no interview.
   */
  /**
   * What a thank-you can say of the contact's latest held interview, inside the caller's
   * transaction; null when none was held (the scheduler's thank-you then goes without).
   */
  public DraftTemplates.InterviewFacts thankYouFacts(Connection c, long contactId) {
    return store.latestHeld(c, contactId).map(i -> facts(c, i)).orElse(null);
  }

  /** The date, highlight and the introductions the interviewee offered (in the order recorded). */
  private DraftTemplates.InterviewFacts facts(Connection c, Interview i) {
    List<Contact> introductions =
        notes.referrals(c, i.id()).stream()
            .filter(NotesStore.StoredReferral::introductionOffered)
            .map(r -> contacts.require(c, r.contactId()))
            .toList();
    return new DraftTemplates.InterviewFacts(
        DAY.format(i.startsAt().atZoneSameInstant(userZone)), i.highlight(), introductions);
  }

  /** As {@link #thankYouFacts(Connection, long)} in its own read: null when none was held. */
  public DraftTemplates.InterviewFacts heldFacts(long contactId) {
    return db.read(c -> thankYouFacts(c, contactId));
  }

  public DraftTemplates.InterviewFacts thankYouFacts(long contactId) {
    return db.read(
        c -> {
          Contact contact = contacts.require(c, contactId);
          Interview i =
              store
                  .latestHeld(c, contactId)
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              who(contact)
                                  + " has no interview to thank them for; record it with"
                                  + " 'interviews done "
                                  + contactId
                                  + "'."));
          return facts(c, i);
        });
  }

  /** An interview with the contact it was held with. */
  public record WithContact(Interview interview, Contact contact) {}

  /**
   * The interviews (scheduled or held, not cancelled) with contacts linked to the hypothesis, in
   * time order: the evidence {@code hypotheses show} lists.
   */
  public List<WithContact> forHypothesis(long hypothesisId) {
    return db.read(
        c ->
            store.held(c, hypothesisId).stream()
                .map(i -> new WithContact(i, contacts.require(c, i.contactId())))
                .toList());
  }

  public Optional<Interview> find(Connection c, long id) {
    return store.find(c, id);
  }

  private Interview requireScheduled(Connection c, Contact contact) {
    return store
        .latest(c, contact.id(), Interview.Status.SCHEDULED)
        .orElseThrow(
            () ->
                new NotFoundException(
                    who(contact)
                        + " has no interview scheduled; book one with 'interviews schedule "
                        + contact.id()
                        + " --at ...'."));
  }

  static String who(Contact contact) {
    return "Contact " + contact.id() + " (" + contact.name() + ")";
  }
}
