package dev.rapport.draft;

import dev.rapport.contact.ContactService;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * Cancels a contact's waiting nudges (FOLLOW_UP drafts still PENDING or APPROVED) once they are
 * overtaken: the contact replied, bounced, declined or asked not to be contacted, or the outbox's
 * last look finds them no longer waiting for an answer. A draft already being sent is left alone;
 * the outbox decides about it. The one way nudges are cancelled: each with its event.
 */
public final class NudgeCancellation {
  /** One cancelled draft, for the contact's timeline. */
  public record Cancelled(long draftId, String subject) {}

  /**
   * Cancels inside the caller's transaction and puts each cancelled nudge on the contact's
   * timeline: "Nudge "subject" cancelled{@code when}: {@code reason}" ({@code when} e.g. " before
   * sending"). Returns what was cancelled, oldest first.
   */
  public List<Cancelled> cancelAndRecord(
      Connection c,
      ContactService contacts,
      long contactId,
      String when,
      String reason,
      Instant now) {
    DraftLifecycle lifecycle = new DraftLifecycle(contacts);
    List<Cancelled> waiting =
        Sql.list(
            c,
            "SELECT id, subject FROM draft WHERE contact_id = ? AND kind = ? AND status IN ('PENDING', 'APPROVED')"
                + " ORDER BY id FOR UPDATE",
            rs -> new Cancelled(rs.getLong("id"), rs.getString("subject")),
            contactId,
            DraftKind.FOLLOW_UP);
    for (Cancelled d : waiting)
      lifecycle.cancel(
          c,
          contactId,
          d.draftId(),
          reason,
          "Nudge \"" + shortened(d.subject()) + "\" cancelled" + when + ": " + reason,
          now);
    return waiting;
  }

  private static String shortened(String subject) {
    return subject.length() <= 120 ? subject : subject.substring(0, 119) + "…";
  }
}
