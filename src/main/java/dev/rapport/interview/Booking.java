package dev.rapport.interview;

import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Trigger;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;

/** Booking an interview inside the caller's transaction: the row, the event, the stage move. */
final class Booking {
  private final ContactService contacts;
  private final Clock clock;
  private final InterviewStore store;

  Booking(ContactService contacts, Clock clock, InterviewStore store) {
    this.contacts = contacts;
    this.clock = clock;
    this.store = store;
  }

  Interview insertScheduled(
      Connection c,
      Contact contact,
      Slot slot,
      Interview.Source source,
      String uid,
      String detailSuffix) {
    Instant now = clock.instant();
    long id =
        store.insert(
            c,
            contact.id(),
            Interview.Status.SCHEDULED,
            slot.start(),
            slot.minutes(),
            slot.place(),
            source,
            uid,
            now);
    String detail = "Interview " + id + " booked for " + slot.describe() + detailSuffix;
    contacts.record(
        c, contact.id(), EventType.INTERVIEW_SCHEDULED, detail, InterviewService.link(id));
    contacts.apply(c, contact.id(), Trigger.INTERVIEW_SCHEDULED, detail, InterviewService.link(id));
    return store.find(c, id).orElseThrow();
  }
}
