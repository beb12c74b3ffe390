package dev.rapport.schedule;

import dev.rapport.contact.Stage;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads {@link ContactFacts} from the contact, draft, event and inbox_message tables. */
final class FactsStore {
  /** Stages in which something may still be scheduled; every other stage waits on a person. */
  static final String PLANNED_STAGES =
      "('CONTACTED', 'FOLLOWED_UP', 'INTERVIEWED', 'THANKED', 'KEEPING_IN_TOUCH')";

  private static final String OPEN = "('PENDING', 'APPROVED', 'SENDING', 'UNCERTAIN')";

  /** Contacts whose next action may be scheduled, by id. */
  List<Long> candidates(Connection c) {
    return Sql.list(
        c,
        "SELECT id FROM contact WHERE stage IN " + PLANNED_STAGES + " ORDER BY id",
        rs -> rs.getLong(1));
  }

  Optional<ContactFacts> load(Connection c, long id) {
    Optional<Object[]> row =
        Sql.one(
            c,
            "SELECT stage, follow_ups, nudge_not_before FROM contact WHERE id = ?",
            rs ->
                new Object[] {
                  Stage.valueOf(rs.getString(1)), rs.getInt(2), rs.getObject(3, LocalDate.class)
                },
            id);
    if (row.isEmpty()) return Optional.empty();
    Stage stage = (Stage) row.get()[0];
    int followUps = (Integer) row.get()[1];
    LocalDate notBefore = (LocalDate) row.get()[2];

    Instant lastSend =
        time(
            c,
            "SELECT MAX(sent_at) FROM draft WHERE contact_id = ? AND status = 'SENT' AND kind IN ('OUTREACH', 'FOLLOW_UP')",
            id);
    boolean openNudge =
        exists(
            c,
            "SELECT COUNT(*) FROM draft WHERE contact_id = ? AND kind = 'FOLLOW_UP' AND status IN "
                + OPEN,
            id);
    Instant since = lastSend == null ? Instant.EPOCH : lastSend;
    boolean reply = incomingSince(c, id, "HUMAN_REPLY", since);
    boolean autoReply = incomingSince(c, id, "AUTO_REPLY", since);

    // ContactService writes every stage move as "FROM → TO ...": the latest move into INTERVIEWED.
    Instant interviewedAt =
        time(
            c,
            "SELECT MAX(at) FROM event WHERE contact_id = ? AND type = 'STAGE' AND detail LIKE '% → INTERVIEWED%'",
            id);
    Long thankYou = null;
    boolean thankYouPending = false;
    int reminders = 0;
    Instant lastReminder = null;
    if (interviewedAt != null) {
      Optional<Object[]> ty =
          Sql.one(
              c,
              "SELECT id, status FROM draft WHERE contact_id = ? AND kind = 'THANK_YOU' AND created_at >= ?"
                  + " ORDER BY id DESC LIMIT 1",
              rs -> new Object[] {rs.getLong(1), rs.getString(2)},
              id,
              interviewedAt);
      if (ty.isPresent()) {
        thankYou = (Long) ty.get()[0];
        thankYouPending = "PENDING".equals(ty.get()[1]);
        reminders =
            (int)
                Sql.count(
                    c,
                    "SELECT COUNT(*) FROM event WHERE contact_id = ? AND type = 'REMINDER' AND link_type = 'draft' AND link_id = ?",
                    id,
                    thankYou);
        lastReminder =
            time(
                c,
                "SELECT MAX(at) FROM event WHERE contact_id = ? AND type = 'REMINDER' AND link_type = 'draft' AND link_id = ?",
                id,
                thankYou);
      }
    }

    Instant lastExchange =
        latest(
            time(c, "SELECT MAX(sent_at) FROM draft WHERE contact_id = ? AND status = 'SENT'", id),
            time(
                c,
                "SELECT MAX(processed_at) FROM inbox_message WHERE contact_id = ? AND kind = 'HUMAN_REPLY'",
                id),
            interviewedAt,
            time(
                c,
                "SELECT MAX(updated_at) FROM draft WHERE contact_id = ? AND kind = 'KEEP_IN_TOUCH' AND status IN ('REJECTED', 'CANCELLED')",
                id));
    boolean openKeep =
        exists(
            c,
            "SELECT COUNT(*) FROM draft WHERE contact_id = ? AND kind = 'KEEP_IN_TOUCH' AND status IN "
                + OPEN,
            id);
    return Optional.of(
        new ContactFacts(
            id,
            stage,
            followUps,
            lastSend,
            openNudge,
            reply,
            autoReply,
            notBefore,
            interviewedAt,
            thankYou,
            thankYouPending,
            reminders,
            lastReminder,
            lastExchange,
            openKeep));
  }

  private static boolean incomingSince(Connection c, long id, String kind, Instant since) {
    return exists(
        c,
        "SELECT COUNT(*) FROM inbox_message WHERE contact_id = ? AND kind = ? AND processed_at > ?",
        id,
        kind,
        since);
  }

  private static boolean exists(Connection c, String sql, Object... params) {
    return Sql.count(c, sql, params) > 0;
  }

  private static Instant time(Connection c, String sql, Object... params) {
    // MAX over no rows is one row holding NULL.
    List<OffsetDateTime> t = Sql.list(c, sql, rs -> rs.getObject(1, OffsetDateTime.class), params);
    return t.isEmpty() || t.get(0) == null ? null : t.get(0).toInstant();
  }

  private static Instant latest(Instant... times) {
    Instant max = null;
    for (Instant t : times) if (t != null && (max == null || t.isAfter(max))) max = t;
    return max;
  }
}
