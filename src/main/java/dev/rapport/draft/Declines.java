package dev.rapport.draft;

import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.Link;
import dev.rapport.contact.Stage;
import dev.rapport.store.Database;
import java.time.Clock;
import java.util.List;

/**
 * A "no" in one step: the contact becomes DECLINED and every nudge waiting for them (a follow-up
 * still PENDING or APPROVED) is cancelled, in one transaction, each change on the timeline. A
 * decline counts in the no's per yes ({@code stats}).
 */
public final class Declines {
  private final Database db;
  private final ContactService contacts;
  private final Clock clock;
  private final NudgeCancellation nudges = new NudgeCancellation();

  public Declines(Database db, ContactService contacts, Clock clock) {
    this.db = db;
    this.contacts = contacts;
    this.clock = clock;
  }

  /** The contact after the move, and the nudges that will not go. */
  public record Declined(Contact contact, List<NudgeCancellation.Cancelled> cancelled) {}

  public Declined decline(long contactId, String note, Link where) {
    return db.transaction(
        c -> {
          Contact after = contacts.moveManually(c, contactId, Stage.DECLINED, note, where);
          return new Declined(
              after,
              nudges.cancelAndRecord(c, contacts, contactId, "", "they declined", clock.instant()));
        });
  }
}
