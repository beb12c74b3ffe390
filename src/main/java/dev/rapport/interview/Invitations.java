package dev.rapport.interview;

import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A calendar invitation ({@code METHOD:REQUEST}) a contact sent, as the inbox found it: it books
 * the interview at the invitation's start when none is scheduled, or moves the scheduled one there.
 * Either way the timeline says it came from an invitation, for the user to confirm or change.
 */
public final class Invitations {
  private final ContactService contacts;
  private final Clock clock;
  private final ZoneId floatingZone;
  private final InterviewStore store = new InterviewStore();
  private final Booking booking;

  /** {@code floatingZone}: where a start time written without a zone is read. */
  public Invitations(ContactService contacts, Clock clock, ZoneId floatingZone) {
    this.contacts = contacts;
    this.clock = clock;
    this.floatingZone = floatingZone;
    this.booking = new Booking(contacts, clock, store);
  }

  /**
   * Acts on the iCalendar text inside the caller's transaction. Returns the interview, or empty
   * when the text holds no invitation with a start time.
   */
  public Optional<Interview> receive(Connection c, long contactId, String ics, Link message) {
    Optional<InterviewCalendar.Invitation> invitation =
        InterviewCalendar.readInvitation(ics, floatingZone);
    if (invitation.isEmpty()) return Optional.empty();
    Slot slot = invitation.get().slot();
    String uid = invitation.get().uid();
    Contact contact = contacts.require(c, contactId);
    String confirm =
        "; from a calendar invitation: confirm it, or change it with 'interviews reschedule "
            + contactId
            + " --at ...'";
    Optional<Interview> booked = store.latest(c, contactId, Interview.Status.SCHEDULED);
    if (booked.isEmpty()) {
      Interview i =
          booking.insertScheduled(c, contact, slot, Interview.Source.INVITATION, uid, confirm);
      contacts.recordForInterview(
          c,
          contactId,
          EventType.INTERVIEW_INVITATION,
          "Calendar invitation for " + slot.describe() + ": booked as interview " + i.id(),
          message,
          i.id());
      return Optional.of(i);
    }
    Interview i = booked.get();
    Instant now = clock.instant();
    boolean same =
        i.startsAt().toInstant().equals(slot.start().toInstant()) && i.minutes() == slot.minutes();
    if (!same) store.reschedule(c, i.id(), slot.start(), slot.minutes(), slot.place(), now);
    store.setInvitation(c, i.id(), uid, now);
    contacts.recordForInterview(
        c,
        contactId,
        EventType.INTERVIEW_INVITATION,
        same
            ? "Calendar invitation for " + slot.describe() + " matches " + i.label()
            : "Calendar invitation moved " + i.label() + " to " + slot.describe() + confirm,
        message,
        i.id());
    return store.find(c, i.id());
  }
}
