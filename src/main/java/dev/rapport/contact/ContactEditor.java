package dev.rapport.contact;

import dev.rapport.InvalidInputException;
import dev.rapport.store.Database;

/**
 * Changes a contact's details ({@link ContactService#edit}) with everything that follows from them:
 * when the name or the address changes, the drafts to them that have not left yet follow ({@link
 * UnsentDrafts}), an approved one back to PENDING for a fresh look. One transaction: the outbox
 * never sees the contact and its drafts disagree.
 */
public final class ContactEditor {
  private final Database db;
  private final ContactService contacts;
  private final UnsentDrafts drafts;
  private final ContactStore store = new ContactStore();

  public ContactEditor(Database db, ContactService contacts, UnsentDrafts drafts) {
    this.db = db;
    this.contacts = contacts;
    this.drafts = drafts;
  }

  /**
   * Edits the contact; with {@code reset}, a BOUNCED contact whose address changes goes back to NEW
   * in the same step (the stage machine's ADDRESS_CORRECTED). Refuses {@code reset} for a contact
   * that is not BOUNCED or without a new address, changing nothing.
   */
  public ContactEdit edit(long contactId, ContactChanges changes, Link where, boolean reset) {
    return db.transaction(
        c -> {
          store.lock(c, contactId);
          if (reset) {
            Contact now = contacts.require(c, contactId);
            if (now.stage() != Stage.BOUNCED)
              throw new InvalidInputException(
                  "reset: contact "
                      + contactId
                      + " is "
                      + now.stage()
                      + ", not BOUNCED; --reset only starts a bounced contact over. Nothing"
                      + " changed.");
            if (changes.email() == null
                || EmailAddresses.key(changes.email().strip())
                    .equals(EmailAddresses.key(now.email())))
              throw new InvalidInputException(
                  "reset: give the corrected address with --email; the one that bounced is "
                      + now.email()
                      + ". Nothing changed.");
          }
          ContactService.Edited e = contacts.edit(c, contactId, changes, where);
          if (reset)
            contacts.apply(
                c,
                contactId,
                Trigger.ADDRESS_CORRECTED,
                "the address is corrected to "
                    + e.after().email()
                    + " (the old one, "
                    + e.before().email()
                    + ", bounced)",
                where);
          int moved = 0;
          if (!e.after().name().equals(e.before().name())) {
            int renamed = drafts.rename(c, contactId, e.after().name());
            if (renamed > 0)
              contacts.record(
                  c,
                  contactId,
                  EventType.EDITED,
                  renamed
                      + " draft(s) not yet sent now greet them as "
                      + e.after().name()
                      + " in the To line; any that was approved waits for your review again",
                  where);
          }
          if (e.emailChanged() && e.after().email() != null) {
            moved = drafts.readdress(c, contactId, e.after().email());
            if (moved > 0)
              contacts.record(
                  c,
                  contactId,
                  EventType.EDITED,
                  moved
                      + " draft(s) not yet sent now go to "
                      + e.after().email()
                      + "; any that was approved waits for your review again",
                  where);
          }
          return new ContactEdit(e, moved);
        });
  }
}
