package dev.rapport.schedule;

import dev.rapport.contact.Stage;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@link ContactFacts} from the contact, draft, event and inbox_message tables. */
final class FactsStore {
  /** Stages in which something may still be scheduled; every other stage waits on a person. */
  static final String PLANNED_STAGES =
      "('CONTACTED', 'FOLLOWED_UP', 'INTERVIEWED', 'THANKED', 'KEEPING_IN_TOUCH')";

  /** Stages in which a contact marked to keep in touch with may get a keep-in-touch note. */
  static final String MARKED_STAGES = "('REPLIED', 'NO_RESPONSE')";

  private static final String OPEN = "('PENDING', 'APPROVED', 'SENDING', 'UNCERTAIN')";

  /**
   * The facts of every contact in a planned stage, in a fixed number of queries (one per fact over
   * all contacts) rather than a dozen per contact: what a sweep over thousands needs. Contacts just
   * interviewed, a handful, are read one by one for their thank-you.
   */
  List<ContactFacts> loadAll(Connection c) {
    Map<Long, Instant> lastSend =
        times(
            c,
            "SELECT contact_id, MAX(sent_at) FROM draft WHERE status = 'SENT' AND kind IN ('OUTREACH', 'FOLLOW_UP') GROUP BY contact_id");
    Set<Long> openNudge =
        ids(
            c,
            "SELECT DISTINCT contact_id FROM draft WHERE kind = 'FOLLOW_UP' AND status IN " + OPEN);
    Map<Long, Instant> lastReply =
        times(
            c,
            "SELECT contact_id, MAX(processed_at) FROM inbox_message WHERE kind = 'HUMAN_REPLY' AND contact_id IS NOT NULL GROUP BY contact_id");
    Map<Long, Instant> lastAutoReply =
        times(
            c,
            "SELECT contact_id, MAX(processed_at) FROM inbox_message WHERE kind = 'AUTO_REPLY' AND contact_id IS NOT NULL GROUP BY contact_id");
    Map<Long, Instant> interviewed =
        times(
            c,
            "SELECT contact_id, MAX(at) FROM event WHERE type = 'STAGE' AND detail LIKE '% → INTERVIEWED%' GROUP BY contact_id");
    Map<Long, Instant> lastSent =
        times(
            c,
            "SELECT contact_id, MAX(sent_at) FROM draft WHERE status = 'SENT' GROUP BY contact_id");
    Map<Long, Instant> closedNote =
        times(
            c,
            "SELECT contact_id, MAX(updated_at) FROM draft WHERE kind = 'KEEP_IN_TOUCH' AND status IN ('REJECTED', 'CANCELLED') GROUP BY contact_id");
    Set<Long> openKeep =
        ids(
            c,
            "SELECT DISTINCT contact_id FROM draft WHERE kind = 'KEEP_IN_TOUCH' AND status IN "
                + OPEN);
    Map<Long, List<ContactFacts.OfferedIntroduction>> offered = introductions(c, null);
    Set<Long> openReferralNudge =
        ids(
            c,
            "SELECT DISTINCT contact_id FROM draft WHERE kind = 'REFERRAL_NUDGE' AND status IN "
                + OPEN);
    Map<Long, ContactFacts.UpcomingInterview> upcoming = upcoming(c, null);
    List<ContactFacts> all = new ArrayList<>();
    for (Object[] row :
        Sql.list(
            c,
            "SELECT id, stage, follow_ups, nudge_not_before, keep_in_touch, employer_id IS NOT NULL"
                + " FROM contact WHERE stage IN "
                + PLANNED_STAGES
                + " OR (keep_in_touch AND stage IN "
                + MARKED_STAGES
                + ")"
                + " OR id IN (SELECT contact_id FROM interview WHERE status = 'SCHEDULED')"
                + " OR id IN (SELECT i.contact_id FROM referral r JOIN interview i ON i.id = r.interview_id"
                + " WHERE r.introduction_offered)"
                + " ORDER BY id",
            rs ->
                new Object[] {
                  rs.getLong(1),
                  Stage.valueOf(rs.getString(2)),
                  rs.getInt(3),
                  rs.getObject(4, LocalDate.class),
                  rs.getBoolean(5),
                  rs.getBoolean(6)
                })) {
      long id = (Long) row[0];
      Stage stage = (Stage) row[1];
      if (stage == Stage.INTERVIEWED) {
        load(c, id).ifPresent(all::add);
        continue;
      }
      Instant send = lastSend.get(id);
      Instant since = send == null ? Instant.EPOCH : send;
      all.add(
          new ContactFacts(
              id,
              stage,
              (Integer) row[2],
              send,
              openNudge.contains(id),
              after(lastReply.get(id), since),
              after(lastAutoReply.get(id), since),
              (LocalDate) row[3],
              interviewed.get(id),
              null,
              false,
              0,
              null,
              latest(lastSent.get(id), lastReply.get(id), interviewed.get(id), closedNote.get(id)),
              openKeep.contains(id),
              offered.get(id),
              openReferralNudge.contains(id),
              upcoming.get(id),
              (Boolean) row[4],
              lastReply.containsKey(id),
              (Boolean) row[5]));
    }
    return all;
  }

  Optional<ContactFacts> load(Connection c, long id) {
    Optional<Object[]> row =
        Sql.one(
            c,
            "SELECT stage, follow_ups, nudge_not_before, keep_in_touch, employer_id IS NOT NULL"
                + " FROM contact WHERE id = ?",
            rs ->
                new Object[] {
                  Stage.valueOf(rs.getString(1)),
                  rs.getInt(2),
                  rs.getObject(3, LocalDate.class),
                  rs.getBoolean(4),
                  rs.getBoolean(5)
                },
            id);
    if (row.isEmpty()) return Optional.empty();
    Stage stage = (Stage) row.get()[0];
    int followUps = (Integer) row.get()[1];
    LocalDate notBefore = (LocalDate) row.get()[2];
    boolean keepMarked = (Boolean) row.get()[3];
    boolean atEmployer = (Boolean) row.get()[4];

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

    Instant lastReply =
        time(
            c,
            "SELECT MAX(processed_at) FROM inbox_message WHERE contact_id = ? AND kind = 'HUMAN_REPLY'",
            id);
    Instant lastExchange =
        latest(
            time(c, "SELECT MAX(sent_at) FROM draft WHERE contact_id = ? AND status = 'SENT'", id),
            lastReply,
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
            openKeep,
            introductions(c, id).get(id),
            exists(
                c,
                "SELECT COUNT(*) FROM draft WHERE contact_id = ? AND kind = 'REFERRAL_NUDGE' AND status IN "
                    + OPEN,
                id),
            upcoming(c, id).get(id),
            keepMarked,
            lastReply != null,
            atEmployer));
  }

  /**
   * The introductions offered in interview notes, by the interviewee who offered them; of one
   * interviewee when {@code contactId} is given, else of all. Each says whether the referred person
   * was written to or moved past NEW, and whether a referral nudge was drafted about it (the
   * scheduler's REFERRAL event linked to the referral row).
   */
  private static Map<Long, List<ContactFacts.OfferedIntroduction>> introductions(
      Connection c, Long contactId) {
    Map<Long, List<ContactFacts.OfferedIntroduction>> out = new HashMap<>();
    Sql.list(
        c,
        "SELECT i.contact_id, r.id, r.contact_id, rc.name, r.created_at,"
            + " rc.stage <> 'NEW' OR EXISTS (SELECT 1 FROM draft d WHERE d.contact_id = r.contact_id AND d.status = 'SENT'),"
            + " EXISTS (SELECT 1 FROM event e WHERE e.contact_id = i.contact_id AND e.type = 'REFERRAL'"
            + " AND e.link_type = 'referral' AND e.link_id = r.id)"
            + " FROM referral r JOIN interview i ON i.id = r.interview_id JOIN contact rc ON rc.id = r.contact_id"
            + " WHERE r.introduction_offered AND i.status <> 'CANCELLED'"
            + (contactId == null ? "" : " AND i.contact_id = ?")
            + " ORDER BY r.id",
        rs -> {
          out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(
                  new ContactFacts.OfferedIntroduction(
                      rs.getLong(2),
                      rs.getLong(3),
                      rs.getString(4),
                      rs.getObject(5, OffsetDateTime.class).toInstant(),
                      rs.getBoolean(6),
                      rs.getBoolean(7)));
          return null;
        },
        one(contactId));
    return out;
  }

  private static Object[] one(Long contactId) {
    return contactId == null ? new Object[0] : new Object[] {contactId};
  }

  /** The SCHEDULED interview of each contact (or of one), with its latest prep reminder. */
  private static Map<Long, ContactFacts.UpcomingInterview> upcoming(Connection c, Long contactId) {
    Map<Long, ContactFacts.UpcomingInterview> out = new HashMap<>();
    Sql.list(
        c,
        "SELECT i.contact_id, i.id, i.starts_at,"
            + " (SELECT MAX(e.at) FROM event e WHERE e.contact_id = i.contact_id AND e.type = 'REMINDER'"
            + " AND e.link_type = 'interview' AND e.link_id = i.id)"
            + " FROM interview i WHERE i.status = 'SCHEDULED'"
            + (contactId == null ? "" : " AND i.contact_id = ?")
            + " ORDER BY i.starts_at",
        rs -> {
          out.putIfAbsent(
              rs.getLong(1),
              new ContactFacts.UpcomingInterview(
                  rs.getLong(2),
                  rs.getObject(3, OffsetDateTime.class).toInstant(),
                  Optional.ofNullable(rs.getObject(4, OffsetDateTime.class))
                      .map(OffsetDateTime::toInstant)
                      .orElse(null)));
          return null;
        },
        one(contactId));
    return out;
  }

  private static boolean after(Instant t, Instant since) {
    return t != null && t.isAfter(since);
  }

  private static Map<Long, Instant> times(Connection c, String sql) {
    Map<Long, Instant> out = new HashMap<>();
    Sql.list(
        c,
        sql,
        rs -> {
          OffsetDateTime t = rs.getObject(2, OffsetDateTime.class);
          if (t != null) out.put(rs.getLong(1), t.toInstant());
          return null;
        });
    return out;
  }

  private static Set<Long> ids(Connection c, String sql) {
    return new HashSet<>(Sql.list(c, sql, rs -> rs.getLong(1)));
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
