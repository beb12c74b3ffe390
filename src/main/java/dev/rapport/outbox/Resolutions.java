package dev.rapport.outbox;

import dev.rapport.NotFoundException;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.draft.DraftLifecycle;
import dev.rapport.draft.DraftStateException;
import dev.rapport.draft.DraftStatus;
import dev.rapport.store.Database;
import java.time.Clock;
import java.time.Instant;

/** The user's decision on a draft whose sending was interrupted (UNCERTAIN) or refused (FAILED). */
final class Resolutions {
  private final Database db;
  private final OutboxStore store;
  private final ContactService contacts;
  private final DraftLifecycle lifecycle;
  private final SendTransitions transitions;
  private final Clock clock;

  Resolutions(
      Database db,
      OutboxStore store,
      ContactService contacts,
      DraftLifecycle lifecycle,
      SendTransitions transitions,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.contacts = contacts;
    this.lifecycle = lifecycle;
    this.transitions = transitions;
    this.clock = clock;
  }

  /**
   * The user's decision on an UNCERTAIN draft. {@code sent}: it did arrive — SENT, with the
   * contact's stage trigger. Otherwise: back to APPROVED, to go out at the next pass with the same
   * Message-ID, so that a receiving system that has the first copy can recognise the second as the
   * same message. A FAILED draft (never retried by itself) can only be queued again.
   */
  void resolve(long id, boolean sent) {
    db.transaction(
        c -> {
          OutboxStore.Row r =
              store
                  .lock(c, id)
                  .orElseThrow(() -> new NotFoundException("There is no draft " + id + "."));
          boolean failed = r.status() == DraftStatus.FAILED;
          if (r.status() != DraftStatus.UNCERTAIN && !failed) {
            throw new DraftStateException(
                "Draft "
                    + id
                    + " is "
                    + r.status()
                    + "; only an UNCERTAIN draft (one whose sending was interrupted) or a FAILED one is resolved.");
          }
          if (failed && sent) {
            throw new DraftStateException(
                "Draft "
                    + id
                    + " FAILED: the server refused it or it could not be sent, so it did not arrive;"
                    + " 'drafts resolve "
                    + id
                    + " --resend' queues it again.");
          }
          Instant now = clock.instant();
          if (failed) {
            lifecycle.resend(c, id, now);
            contacts.record(
                c,
                r.contactId(),
                EventType.DRAFT_RESOLVED,
                "draft " + id + " FAILED before; queued to be sent again by the user's decision",
                Link.command("drafts resolve"));
            return null;
          }
          if (sent) {
            transitions.markSent(
                c,
                r,
                r.messageId(),
                now,
                null,
                "marked SENT by the user with 'drafts resolve --sent'",
                null);
            contacts.record(
                c,
                r.contactId(),
                EventType.DRAFT_RESOLVED,
                "draft " + id + " resolved as sent by the user",
                "Message-ID " + r.messageId(),
                Link.command("drafts resolve"));
          } else {
            lifecycle.resend(c, id, now);
            contacts.record(
                c,
                r.contactId(),
                EventType.DRAFT_RESOLVED,
                "draft "
                    + id
                    + " to be sent again by the user's decision, as the same message as the"
                    + " interrupted attempt",
                "Message-ID " + r.messageId(),
                Link.command("drafts resolve"));
          }
          return null;
        });
  }
}
