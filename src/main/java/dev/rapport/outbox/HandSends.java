package dev.rapport.outbox;

import dev.rapport.contact.ContactService;
import dev.rapport.contact.Link;
import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftLifecycle;
import dev.rapport.draft.DraftService;
import dev.rapport.draft.DraftStateException;
import dev.rapport.draft.ShortNotes;
import dev.rapport.store.Database;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code drafts mark-sent}: a note to someone without email (LinkedIn, phone) that the user copied
 * and sent by hand. It becomes SENT at that moment and moves the contact as a mail sent by the
 * outbox would (outreach: CONTACTED; a follow-up counts as a nudge), so the scheduler plans what
 * comes next from the same facts. Marking it sent is also its approval: the user reviewed the text
 * as they copied it.
 */
public final class HandSends {
  private final Database db;
  private final ContactService contacts;
  private final DraftService drafts;
  private final DraftLifecycle lifecycle;
  private final Clock clock;

  public HandSends(Database db, ContactService contacts, DraftService drafts, Clock clock) {
    this.db = db;
    this.contacts = contacts;
    this.lifecycle = new DraftLifecycle(contacts);
    this.drafts = drafts;
    this.clock = clock;
  }

  public Draft markSent(long id, Link where) {
    Draft d = drafts.get(id);
    if (!d.byHand()) {
      throw new DraftStateException(
          "Draft "
              + id
              + " goes by email: the outbox sends it once it is approved ('drafts approve "
              + id
              + "'). Only notes to people reached off email are marked sent by hand.");
    }
    if (!d.status().reviewable()) {
      throw new DraftStateException(
          "Draft " + id + " is " + d.status() + "; only a PENDING note can be marked sent.");
    }
    ShortNotes.refusal(d)
        .ifPresent(
            why -> {
              throw new DraftStateException(why);
            });
    String how =
        where.type().equals("command:dashboard")
            ? "marked sent on the dashboard"
            : "recorded with 'drafts mark-sent'";
    db.transaction(
        c -> {
          Instant now = clock.instant();
          if (!lifecycle.sentByHand(c, d, how, now)) {
            throw new DraftStateException(
                "Draft " + id + " changed while it was being marked sent; look at it again.");
          }
          SendTransitions.trigger(d.kind())
              .ifPresent(
                  t ->
                      contacts.apply(
                          c, d.contactId(), t, "draft " + id + " sent by hand", Link.draft(id)));
          return null;
        });
    return drafts.get(id);
  }
}
