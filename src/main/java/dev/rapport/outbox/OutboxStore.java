package dev.rapport.outbox;

import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStatus;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's SQL on the draft table. Every status change is conditional on the status it leaves,
 * so two processes (the daemon and a {@code sync}) can never both take one draft.
 */
final class OutboxStore {
  /**
   * A draft as the outbox sees it; {@code zone} is the contact's own time zone, null when it has
   * none (the user's applies).
   */
  record Row(
      long id,
      long contactId,
      DraftKind kind,
      DraftStatus status,
      String to,
      String subject,
      String body,
      String messageId,
      String inReplyTo,
      String references,
      int attempts,
      Long sendingPid,
      String toName,
      java.time.OffsetDateTime updatedAt,
      java.time.ZoneId zone) {}

  private static final String ROW =
      "SELECT d.id, d.contact_id, d.kind, d.status, d.to_address, d.subject, d.body, d.message_id, d.in_reply_to,"
          + " d.references_ids, d.attempts, d.sending_pid, COALESCE(d.to_name, c.name), d.updated_at, c.timezone FROM draft d JOIN contact c ON c.id = d.contact_id";

  private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(
        rs.getLong(1),
        rs.getLong(2),
        DraftKind.valueOf(rs.getString(3)),
        DraftStatus.valueOf(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getInt(11),
        Sql.nullableLong(rs, "sending_pid"),
        rs.getString(13),
        Sql.time(rs, "updated_at"),
        zone(rs.getString(15)));
  }

  /** A stored zone name; null (the user's zone) for none, or for one this Java does not know. */
  static java.time.ZoneId zone(String stored) {
    if (stored == null) return null;
    try {
      return java.time.ZoneId.of(stored);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * APPROVED drafts whose time has come, oldest approval first, read in one query; {@link #claim}
   * takes each only if it has not changed since (its {@code updated_at}).
   */
  List<Row> due(Connection c, Instant now, long limit) {
    return Sql.list(
        c,
        ROW
            + " WHERE d.status = 'APPROVED' AND d.channel = 'EMAIL'"
            + " AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ?)"
            + " ORDER BY d.approved_at, d.id LIMIT ?",
        OutboxStore::map,
        now,
        limit);
  }

  /**
   * As {@link #due(Connection, Instant, long)}, only to contacts whose stored time zone is one of
   * {@code zones} (a null among them: contacts with none).
   */
  List<Row> due(Connection c, Instant now, long limit, java.util.Collection<String> zones) {
    List<String> named = zones.stream().filter(java.util.Objects::nonNull).toList();
    List<String> in = new java.util.ArrayList<>();
    if (zones.contains(null)) in.add("c.timezone IS NULL");
    if (!named.isEmpty())
      in.add(
          "c.timezone IN ("
              + String.join(", ", java.util.Collections.nCopies(named.size(), "?"))
              + ")");
    if (in.isEmpty()) return List.of();
    List<Object> params = new java.util.ArrayList<>();
    params.add(now);
    params.addAll(named);
    params.add(limit);
    return Sql.list(
        c,
        ROW
            + " WHERE d.status = 'APPROVED' AND d.channel = 'EMAIL'"
            + " AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ?)"
            + " AND ("
            + String.join(" OR ", in)
            + ") ORDER BY d.approved_at, d.id LIMIT ?",
        OutboxStore::map,
        params.toArray());
  }

  /**
   * The time zones, as stored (null: none, the user's), of the contacts with APPROVED drafts: due
   * at {@code dueAt}, or all of them when it is null.
   */
  java.util.Set<String> zones(Connection c, Instant dueAt) {
    return new java.util.HashSet<>(
        dueAt == null
            ? Sql.list(
                c,
                "SELECT DISTINCT c.timezone FROM draft d JOIN contact c ON c.id = d.contact_id"
                    + " WHERE d.status = 'APPROVED'",
                rs -> rs.getString(1))
            : Sql.list(
                c,
                "SELECT DISTINCT c.timezone FROM draft d JOIN contact c ON c.id = d.contact_id"
                    + " WHERE d.status = 'APPROVED' AND d.channel = 'EMAIL'"
                    + " AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ?)",
                rs -> rs.getString(1),
                dueAt));
  }

  /** APPROVED drafts approved before {@code t}: the backlog a pause left behind. */
  long countApprovedBefore(Connection c, Instant t) {
    return Sql.count(
        c, "SELECT COUNT(*) FROM draft WHERE status = 'APPROVED' AND approved_at < ?", t);
  }

  /** When the last message went out (or may have): the spacing after a pause counts from it. */
  Optional<Instant> lastStarted(Connection c) {
    return Sql.one(
            c,
            "SELECT MAX(sending_at) FROM draft WHERE status IN ('SENDING', 'SENT', 'UNCERTAIN')",
            rs -> rs.getObject(1, java.time.OffsetDateTime.class))
        .filter(java.util.Objects::nonNull)
        .map(java.time.OffsetDateTime::toInstant);
  }

  long countApproved(Connection c) {
    return Sql.count(c, "SELECT COUNT(*) FROM draft WHERE status = 'APPROVED'");
  }

  /** The earliest retry time among APPROVED drafts waiting after a failure. */
  Optional<Instant> nextRetry(Connection c, Instant now) {
    return Sql.one(
            c,
            "SELECT MIN(next_attempt_at) FROM draft WHERE status = 'APPROVED' AND next_attempt_at > ?",
            rs -> rs.getObject(1, java.time.OffsetDateTime.class),
            now)
        .filter(java.util.Objects::nonNull)
        .map(java.time.OffsetDateTime::toInstant);
  }

  /** Messages that went out (or may have) since {@code from}: what counts against the day's cap. */
  long startedSince(Connection c, Instant from) {
    return Sql.count(
        c,
        "SELECT COUNT(*) FROM draft WHERE status IN ('SENDING', 'SENT', 'UNCERTAIN') AND sending_at >= ?",
        from);
  }

  Optional<Row> lock(Connection c, long id) {
    return Sql.one(c, ROW + " WHERE d.id = ? FOR UPDATE", OutboxStore::map, id);
  }

  Optional<Row> find(Connection c, long id) {
    return Sql.one(c, ROW + " WHERE d.id = ?", OutboxStore::map, id);
  }

  List<Row> sending(Connection c) {
    return Sql.list(c, ROW + " WHERE d.status = 'SENDING' ORDER BY d.id", OutboxStore::map);
  }

  /**
   * APPROVED → SENDING, with the message's identity fixed before SMTP begins (its other headers
   * were fixed when it was drafted); false if the draft is no longer the one read ({@code seen}:
   * edited, rejected, taken).
   */
  boolean claim(Connection c, Row seen, String messageId, Instant now, long pid) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'SENDING', message_id = ?,"
                + " attempts = attempts + 1, sending_at = ?, sending_pid = ?, updated_at = ?"
                + " WHERE id = ? AND status = 'APPROVED' AND channel = 'EMAIL' AND updated_at = ?",
            messageId,
            now,
            pid,
            now,
            seen.id(),
            seen.updatedAt())
        == 1;
  }

  /**
   * APPROVED → FAILED for a draft that cannot become a safe message, if it is still the one read.
   */
  boolean failUnsendable(Connection c, Row seen, String reason, Instant now) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'FAILED', reason = ?, last_error = ?, updated_at = ?"
                + " WHERE id = ? AND status = 'APPROVED' AND updated_at = ?",
            cut(reason),
            cut(reason),
            now,
            seen.id(),
            seen.updatedAt())
        == 1;
  }

  /**
   * PENDING or APPROVED → SENT for a draft off email that the user sent by hand; false when it was
   * in neither status, or goes by email (only the outbox sends those).
   */
  boolean sentByHand(Connection c, long id, Instant now) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'SENT', sent_at = ?, approved_at = COALESCE(approved_at, ?),"
                + " review_note = NULL, updated_at = ? WHERE id = ? AND status IN ('PENDING', 'APPROVED')"
                + " AND channel <> 'EMAIL'",
            now,
            now,
            now,
            id)
        == 1;
  }

  /** SENDING or UNCERTAIN → SENT. */
  boolean sent(Connection c, long id, Instant at, String copy, Instant now) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'SENT', sent_at = ?, sent_copy = COALESCE(?, sent_copy), last_error = NULL,"
                + " next_attempt_at = NULL, updated_at = ? WHERE id = ? AND status IN ('SENDING', 'UNCERTAIN')",
            at,
            copy,
            now,
            id)
        == 1;
  }

  /** SENDING → APPROVED again, not before {@code next}. */
  boolean retry(Connection c, long id, String error, Instant next, Instant now) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'APPROVED', last_error = ?, next_attempt_at = ?, sending_at = NULL, sending_pid = NULL,"
                + " updated_at = ? WHERE id = ? AND status = 'SENDING'",
            cut(error),
            next,
            now,
            id)
        == 1;
  }

  /**
   * SENDING → APPROVED without spending an attempt (the claim counted one): the server could not be
   * reached or refused the login, which says nothing about this draft.
   */
  boolean release(Connection c, long id, String error, Instant now) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'APPROVED', attempts = GREATEST(attempts - 1, 0), last_error = ?,"
                + " sending_at = NULL, sending_pid = NULL, updated_at = ? WHERE id = ? AND status = 'SENDING'",
            cut(error),
            now,
            id)
        == 1;
  }

  /** APPROVED or SENDING → FAILED, with the reason. */
  boolean fail(Connection c, long id, String reason, Instant now) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'FAILED', reason = ?, last_error = ?, sending_pid = NULL, updated_at = ?"
                + " WHERE id = ? AND status IN ('APPROVED', 'SENDING')",
            cut(reason),
            cut(reason),
            now,
            id)
        == 1;
  }

  /** SENDING → UNCERTAIN. */
  boolean uncertain(Connection c, long id, String reason, Instant now) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'UNCERTAIN', last_error = ?, sending_pid = NULL, updated_at = ? WHERE id = ? AND status = 'SENDING'",
            cut(reason),
            now,
            id)
        == 1;
  }

  /** UNCERTAIN → APPROVED, with its Message-ID kept, for the user's {@code --resend}. */
  boolean resend(Connection c, long id, Instant now) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'APPROVED', attempts = 0, next_attempt_at = NULL, sending_at = NULL, approved_at = ?,"
                + " updated_at = ? WHERE id = ? AND status IN ('UNCERTAIN', 'FAILED')",
            now,
            now,
            id)
        == 1;
  }

  /** Sent messages with no copy in Sent, by what happened: for {@code doctor}. */
  long countUncopied(Connection c) {
    return Sql.count(
        c,
        "SELECT COUNT(*) FROM draft WHERE status = 'SENT' AND sent_copy IN ('NO_FOLDER', 'FAILED')");
  }

  private static String cut(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
  }
}
