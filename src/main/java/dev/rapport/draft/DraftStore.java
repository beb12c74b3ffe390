package dev.rapport.draft;

import dev.rapport.contact.Channel;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The draft table. Status changes are conditional updates, so two processes cannot both make one.
 */
final class DraftStore {
  private static final String COLUMNS =
      "id, contact_id, kind, status, to_address, subject, body, template, reason, message_id, in_reply_to,"
          + " references_ids, to_name, review_note, created_at, updated_at, approved_at, sent_at, channel";

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
    return Sql.one(c, "SELECT " + COLUMNS + " FROM draft WHERE id = ?", DraftStore::map, id);
  }

  /**
   * Every draft, or those in one status; waiting drafts first, then the rest, each oldest first.
   */
  List<Draft> list(Connection c, Optional<DraftStatus> status) {
    return status.isPresent()
        ? Sql.list(
            c,
            "SELECT " + COLUMNS + " FROM draft WHERE status = ? ORDER BY id",
            DraftStore::map,
            status.get())
        : Sql.list(
            c,
            "SELECT "
                + COLUMNS
                + " FROM draft ORDER BY CASE WHEN status = 'PENDING' THEN 0 ELSE 1 END, id",
            DraftStore::map);
  }

  List<Draft> ofContact(Connection c, long contactId, DraftKind kind) {
    return Sql.list(
        c,
        "SELECT " + COLUMNS + " FROM draft WHERE contact_id = ? AND kind = ? ORDER BY id",
        DraftStore::map,
        contactId,
        kind);
  }

  /** PENDING → APPROVED; false when the draft was no longer PENDING. */
  boolean approve(Connection c, long id, Instant now) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'APPROVED', approved_at = ?, review_note = NULL, updated_at = ?"
                + " WHERE id = ? AND status = 'PENDING'",
            now,
            now,
            id)
        == 1;
  }

  /** PENDING or APPROVED → REJECTED; false when it was neither. */
  boolean reject(Connection c, long id, Instant now) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'REJECTED', updated_at = ? WHERE id = ? AND status IN ('PENDING', 'APPROVED')",
            now,
            id)
        == 1;
  }

  /**
   * Reads a draft and holds its row until the transaction ends, so nothing changes it in between.
   */
  Optional<Draft> lock(Connection c, long id) {
    return Sql.one(
        c, "SELECT " + COLUMNS + " FROM draft WHERE id = ? FOR UPDATE", DraftStore::map, id);
  }

  /** Replaces what a draft says; an edited draft goes back to PENDING for review. */
  void saveEdit(Connection c, long id, DraftContent content, Instant now) {
    Sql.update(
        c,
        "UPDATE draft SET to_address = ?, subject = ?, body = ?, status = 'PENDING', approved_at = NULL, updated_at = ?"
            + " WHERE id = ?",
        content.to(),
        content.subject(),
        content.body(),
        now,
        id);
  }

  /**
   * Points the contact's drafts that have not left yet at a corrected address; an approved one goes
   * back to PENDING, since it was approved for the old address. Returns how many changed.
   */
  int readdress(Connection c, long contactId, String to, Instant now) {
    return Sql.update(
        c,
        "UPDATE draft SET to_address = ?, status = 'PENDING', approved_at = NULL, updated_at = ?"
            + " WHERE contact_id = ? AND status IN ('PENDING', 'APPROVED') AND channel = 'EMAIL'"
            + " AND to_address <> ?",
        to,
        now,
        contactId,
        to);
  }

  /**
   * Gives the contact's drafts that have not left yet their corrected name for the To header; an
   * approved one goes back to PENDING, since it was approved with the old one. Returns how many.
   */
  int rename(Connection c, long contactId, String toName, Instant now) {
    return Sql.update(
        c,
        "UPDATE draft SET to_name = ?, status = 'PENDING', approved_at = NULL, updated_at = ?"
            + " WHERE contact_id = ? AND status IN ('PENDING', 'APPROVED')"
            + " AND (to_name IS NULL OR to_name <> ?)",
        toName,
        now,
        contactId,
        toName);
  }

  /**
   * Takes the write lock on a contact's row, so that checks and inserts for it run one at a time.
   */
  void lockContact(Connection c, long contactId) {
    Sql.list(c, "SELECT id FROM contact WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), contactId);
  }

  private static Draft map(ResultSet rs) throws SQLException {
    return new Draft(
        rs.getLong("id"),
        rs.getLong("contact_id"),
        DraftKind.valueOf(rs.getString("kind")),
        DraftStatus.valueOf(rs.getString("status")),
        rs.getString("to_address"),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getString("template"),
        rs.getString("reason"),
        rs.getString("message_id"),
        rs.getString("in_reply_to"),
        rs.getString("references_ids"),
        rs.getString("to_name"),
        rs.getString("review_note"),
        Sql.time(rs, "created_at"),
        Sql.time(rs, "updated_at"),
        Sql.time(rs, "approved_at"),
        Sql.time(rs, "sent_at"),
        Channel.valueOf(rs.getString("channel")));
  }
}
