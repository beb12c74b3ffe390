package dev.rapport.outbox;

import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftColumns;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStatus;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's queries on the draft table: what is due, what counts against the cap. Status changes
 * are {@link dev.rapport.draft.DraftLifecycle}'s, each conditional on the status it leaves, so two
 * processes (the daemon and a {@code sync}) can never both take one draft.
 */
final class OutboxStore {
  /**
   * A draft as the outbox sees it, its {@code toName} the contact's name when the draft gives none;
   * with its attempts so far, the process sending it (if any), and {@code zone}, the contact's own
   * time zone, null when it has none (the user's applies).
   */
  record Row(Draft draft, int attempts, Long sendingPid, java.time.ZoneId zone) {
    long id() {
      return draft.id();
    }

    long contactId() {
      return draft.contactId();
    }

    DraftKind kind() {
      return draft.kind();
    }

    DraftStatus status() {
      return draft.status();
    }

    String messageId() {
      return draft.messageId();
    }
  }

  private static final String ROW =
      "SELECT "
          + DraftColumns.of("d", "COALESCE(d.to_name, c.name)")
          + ", d.attempts, d.sending_pid, c.timezone FROM draft d JOIN contact c ON c.id = d.contact_id";

  private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(
        DraftColumns.read(rs),
        rs.getInt("attempts"),
        Sql.nullableLong(rs, "sending_pid"),
        zone(rs.getString("timezone")));
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

  /** Sent messages with no copy in Sent, by what happened: for {@code doctor}. */
  long countUncopied(Connection c) {
    return Sql.count(
        c,
        "SELECT COUNT(*) FROM draft WHERE status = 'SENT' AND sent_copy IN ('NO_FOLDER', 'FAILED')");
  }
}
