package dev.rapport.draft;

import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * Cancels a contact's waiting nudges (FOLLOW_UP drafts still PENDING or APPROVED) once they are
 * overtaken: the contact replied, bounced or asked not to be contacted. A draft already being sent
 * is left alone; the outbox decides about it.
 */
public final class NudgeCancellation {
  /** One cancelled draft, for the contact's timeline. */
  public record Cancelled(long draftId, String subject) {}

  /** Cancels inside the caller's transaction and returns what was cancelled, oldest first. */
  public List<Cancelled> cancelFor(Connection c, long contactId, String reason, Instant now) {
    List<Cancelled> waiting =
        Sql.list(
            c,
            "SELECT id, subject FROM draft WHERE contact_id = ? AND kind = ? AND status IN ('PENDING', 'APPROVED')"
                + " ORDER BY id FOR UPDATE",
            rs -> new Cancelled(rs.getLong("id"), rs.getString("subject")),
            contactId,
            DraftKind.FOLLOW_UP);
    for (Cancelled d : waiting) {
      Sql.update(
          c,
          "UPDATE draft SET status = 'CANCELLED', reason = ?, updated_at = ? WHERE id = ? AND status IN ('PENDING', 'APPROVED')",
          reason,
          now,
          d.draftId());
    }
    return waiting;
  }

  /**
   * Cancels as {@link #cancelFor} does and puts each cancelled nudge on the contact's timeline:
   * "Nudge "subject" cancelled{@code when}: {@code reason}" ({@code when} e.g. " before sending").
   */
  public List<Cancelled> cancelAndRecord(
      Connection c,
      ContactService contacts,
      long contactId,
      String when,
      String reason,
      Instant now) {
    List<Cancelled> cancelled = cancelFor(c, contactId, reason, now);
    for (Cancelled d : cancelled)
      contacts.record(
          c,
          contactId,
          EventType.DRAFT_CANCELLED,
          "Nudge \"" + shortened(d.subject()) + "\" cancelled" + when + ": " + reason,
          Link.draft(d.draftId()));
    return cancelled;
  }

  private static String shortened(String subject) {
    return subject.length() <= 120 ? subject : subject.substring(0, 119) + "…";
  }
}
