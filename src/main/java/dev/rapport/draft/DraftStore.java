package dev.rapport.draft;

import dev.rapport.contact.Channel;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The draft table: new drafts and reading them. Their status is written by {@link DraftLifecycle}
 * alone.
 */
final class DraftStore {
  private static final String COLUMNS = DraftColumns.of("draft", "draft.to_name");

  /**
   * A new PENDING draft with everything it will be sent with: {@code content.subject()} is the
   * subject the thread gave it, and {@code thread} its In-Reply-To and References.
   */
  long insert(
      Connection c,
      long contactId,
      DraftKind kind,
      DraftContent content,
      String toName,
      DraftThreads.Headers thread,
      String template,
      String reason,
      Instant now,
      Channel channel) {
    return Sql.insert(
        c,
        "INSERT INTO draft (contact_id, kind, status, to_address, to_name, subject, drafted_subject, body,"
            + " in_reply_to, references_ids, template, reason, created_at, updated_at, channel)"
            + " VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        contactId,
        kind,
        content.to(),
        toName,
        content.subject(),
        content.subject(),
        content.body(),
        thread.inReplyTo(),
        thread.references(),
        template,
        reason,
        now,
        now,
        channel);
  }

  /** The referral a REFERRAL_NUDGE asks about, set in the transaction that drafts it. */
  void setReferral(Connection c, long id, long referralId) {
    Sql.update(c, "UPDATE draft SET referral_id = ? WHERE id = ?", referralId, id);
  }

  Optional<Draft> find(Connection c, long id) {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM draft WHERE id = ?", DraftColumns::read, id);
  }

  /**
   * Every draft, or those in one status; waiting drafts first, then the rest, each oldest first.
   */
  List<Draft> list(Connection c, Optional<DraftStatus> status) {
    return status.isPresent()
        ? Sql.list(
            c,
            "SELECT " + COLUMNS + " FROM draft WHERE status = ? ORDER BY id",
            DraftColumns::read,
            status.get())
        : Sql.list(
            c,
            "SELECT "
                + COLUMNS
                + " FROM draft ORDER BY CASE WHEN status = 'PENDING' THEN 0 ELSE 1 END, id",
            DraftColumns::read);
  }

  List<Draft> ofContact(Connection c, long contactId, DraftKind kind) {
    return Sql.list(
        c,
        "SELECT " + COLUMNS + " FROM draft WHERE contact_id = ? AND kind = ? ORDER BY id",
        DraftColumns::read,
        contactId,
        kind);
  }

  /**
   * Reads a draft and holds its row until the transaction ends, so nothing changes it in between.
   */
  Optional<Draft> lock(Connection c, long id) {
    return Sql.one(
        c, "SELECT " + COLUMNS + " FROM draft WHERE id = ? FOR UPDATE", DraftColumns::read, id);
  }

  /**
   * Takes the write lock on a contact's row, so that checks and inserts for it run one at a time.
   */
  void lockContact(Connection c, long contactId) {
    Sql.list(c, "SELECT id FROM contact WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), contactId);
  }
}
