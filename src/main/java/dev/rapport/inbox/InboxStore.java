package dev.rapport.inbox;

import dev.rapport.contact.EmailAddresses;
import dev.rapport.inbox.classify.Kind;
import dev.rapport.store.Sql;
import dev.rapport.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The inbox tables: read positions per folder, processed messages, and nudge holds. */
final class InboxStore {
  /** One processed message, as kept. */
  record Row(
      String key,
      String folder,
      long uidValidity,
      long uid,
      Long contactId,
      Kind kind,
      String rule,
      String matchedBy,
      String messageId,
      String from,
      String subject,
      Instant sentAt,
      String excerpt) {}

  /** Drafts whose Message-ID is in the world: the ones a reply or a bounce can refer to. */
  private static final String SENT_STATUSES = "('SENDING', 'SENT', 'UNCERTAIN')";

  /** Stages with a conversation under way, in which mail from the contact's address is theirs. */
  static final String OPEN_STAGES =
      "('CONTACTED', 'FOLLOWED_UP', 'REPLIED', 'SCHEDULED', 'INTERVIEWED', 'THANKED', 'KEEPING_IN_TOUCH', 'NO_RESPONSE')";

  Optional<FolderState> state(Connection c, String folder) {
    return Sql.one(
        c,
        "SELECT uid_validity, last_uid, scanned_at FROM inbox_folder WHERE folder = ?",
        rs -> new FolderState(rs.getLong(1), rs.getLong(2), Sql.time(rs, "scanned_at").toInstant()),
        folder);
  }

  void saveState(Connection c, String folder, FolderState s) {
    Sql.update(
        c,
        "MERGE INTO inbox_folder (folder, uid_validity, last_uid, scanned_at) KEY (folder) VALUES (?, ?, ?, ?)",
        folder,
        s.uidValidity(),
        s.lastUid(),
        s.scannedAt());
  }

  /** The key of the message processed at a UID, if it was recorded there. */
  Optional<String> keyAt(Connection c, String folder, long uidValidity, long uid) {
    return Sql.one(
        c,
        "SELECT message_key FROM inbox_message WHERE folder = ? AND uid_validity = ? AND uid = ? ORDER BY id DESC",
        rs -> rs.getString(1),
        folder,
        uidValidity,
        uid);
  }

  boolean known(Connection c, String key) {
    return Sql.count(c, "SELECT COUNT(*) FROM inbox_message WHERE message_key = ?", key) > 0;
  }

  /** Inserts one processed message and returns its id. */
  long insert(Connection c, Row r, Instant now) {
    return Sql.insert(
        c,
        "INSERT INTO inbox_message (message_key, folder, uid_validity, uid, contact_id, kind, rule, matched_by, message_id,"
            + " from_address, subject, sent_at, excerpt, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.key(),
        r.folder(),
        r.uidValidity(),
        r.uid(),
        r.contactId(),
        r.kind(),
        cut(r.rule(), 60),
        cut(r.matchedBy(), 40),
        cut(r.messageId(), 998),
        cut(r.from(), 998),
        cut(r.subject(), 998),
        r.sentAt(),
        cut(r.excerpt(), 2000),
        now);
  }

  /**
   * Records messages that concern no contact in one batch, skipping keys already known: only their
   * key and position are kept, nothing of what they say.
   */
  void insertUnrelated(
      Connection c,
      String folder,
      long uidValidity,
      List<Map.Entry<Long, String>> uidKeys,
      Instant now) {
    if (uidKeys.isEmpty()) return;
    String sql =
        "INSERT INTO inbox_message (message_key, folder, uid_validity, uid, processed_at)"
            + " SELECT ?, ?, ?, ?, ? FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM inbox_message WHERE message_key = ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Map.Entry<Long, String> e : uidKeys) {
        ps.setString(1, e.getValue());
        ps.setString(2, folder);
        ps.setLong(3, uidValidity);
        ps.setLong(4, e.getKey());
        ps.setObject(5, now.atOffset(ZoneOffset.UTC));
        ps.setString(6, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("A database INSERT failed: " + e.getMessage(), e);
    }
  }

  /** Our Message-IDs in the world, each with its draft's contact and the address it went to. */
  Map<String, Correspondence.Sent> sentMessageIds(Connection c) {
    Map<String, Correspondence.Sent> ids = new HashMap<>();
    Sql.list(
        c,
        "SELECT message_id, contact_id, to_address FROM draft WHERE message_id IS NOT NULL AND status IN "
            + SENT_STATUSES,
        rs ->
            ids.put(
                normalizeId(rs.getString(1)),
                new Correspondence.Sent(rs.getLong(2), EmailAddresses.key(rs.getString(3)))));
    return ids;
  }

  /**
   * Contacts by lower-cased address; with {@code openOnly}, only those in a conversation: in an
   * open stage, or with a message on its way (an out-of-office can beat the outbox's move to
   * CONTACTED).
   */
  Map<String, Long> contactsByAddress(Connection c, boolean openOnly) {
    Map<String, Long> byAddress = new HashMap<>();
    Sql.list(
        c,
        "SELECT email_key, id FROM contact"
            + (openOnly
                ? " WHERE stage IN "
                    + OPEN_STAGES
                    + " OR EXISTS (SELECT 1 FROM draft d WHERE d.contact_id = contact.id AND d.message_id IS NOT NULL AND d.status IN "
                    + SENT_STATUSES
                    + ")"
                : ""),
        rs -> rs.getString(1) == null ? null : byAddress.put(rs.getString(1), rs.getLong(2)));
    return byAddress;
  }

  /** Holds nudges to a contact until {@code day}, keeping a later hold already set. */
  void holdNudges(Connection c, long contactId, LocalDate day) {
    Sql.update(
        c,
        "UPDATE contact SET nudge_not_before = ? WHERE id = ? AND (nudge_not_before IS NULL OR nudge_not_before < ?)",
        day,
        contactId,
        day);
  }

  /** A Message-ID as stored by the outbox, in angle brackets. */
  static String normalizeId(String id) {
    String s = id.strip();
    return s.startsWith("<") ? s : "<" + s + ">";
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
