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

/**
 * Reads {@link ContactFacts} from the contact, draft, event and inbox_message tables. One query
 * path serves both the sweep over every planned contact and the look at one: each fact is one query
 * over all the contacts in scope (a fixed number of queries rather than a dozen per contact), and
 * the one contact is the same queries with its id as a filter. Facts come from columns only; an
 * event's sentence is for people.
 */
final class FactsStore {
  /** Stages in which something may still be scheduled; every other stage waits on a person. */
  static final String PLANNED_STAGES =
      "('CONTACTED', 'FOLLOWED_UP', 'INTERVIEWED', 'THANKED', 'KEEPING_IN_TOUCH')";

  /** Stages in which a contact marked to keep in touch with may get a keep-in-touch note. */
  static final String MARKED_STAGES = "('REPLIED', 'NO_RESPONSE')";

  private static final String OPEN = "('PENDING', 'APPROVED', 'SENDING', 'UNCERTAIN')";

  /** What the contact row itself says. */
  private record ContactRow(
      long id,
      Stage stage,
      int followUps,
      LocalDate nudgeNotBefore,
      boolean keepInTouch,
      boolean atEmployer) {}

  /** The thank-you drafted since the contact last became INTERVIEWED, and its reminders. */
  private record ThankYou(long draftId, boolean pending, int reminders, Instant lastReminderAt) {}

  /** Every planned contact, or one contact (whatever its stage): the filter each query adds. */
  private record Scope(Long contactId) {
    static final Scope PLANNED = new Scope(null);

    /** {@code " AND column = ?"} for one contact, nothing for all. */
    String and(String column) {
      return contactId == null ? "" : " AND " + column + " = ?";
    }

    Object[] params() {
      return contactId == null ? new Object[0] : new Object[] {contactId};
    }
  }

  /** The facts of every contact in a planned stage (or with an interview or introduction due). */
  List<ContactFacts> loadAll(Connection c) {
    return read(c, Scope.PLANNED);
  }

  /** The facts of one contact, whatever its stage; empty when there is no such contact. */
  Optional<ContactFacts> load(Connection c, long id) {
    return read(c, new Scope(id)).stream().findFirst();
  }

  private static List<ContactFacts> read(Connection c, Scope s) {
    List<ContactRow> rows = contacts(c, s);
    if (rows.isEmpty()) return List.of();
    Map<Long, Instant> lastSend =
        times(
            c,
            "SELECT contact_id, MAX(sent_at) FROM draft WHERE status = 'SENT'"
                + " AND kind IN ('OUTREACH', 'FOLLOW_UP')"
                + s.and("contact_id")
                + " GROUP BY contact_id",
            s);
    Set<Long> openNudge = openDrafts(c, "FOLLOW_UP", s);
    Map<Long, Instant> lastReply = incoming(c, "HUMAN_REPLY", s);
    Map<Long, Instant> lastAutoReply = incoming(c, "AUTO_REPLY", s);
    // The latest move into INTERVIEWED, from the move's own column.
    Map<Long, Instant> interviewed =
        times(
            c,
            "SELECT contact_id, MAX(at) FROM event WHERE type = 'STAGE' AND to_stage = 'INTERVIEWED'"
                + s.and("contact_id")
                + " GROUP BY contact_id",
            s);
    Map<Long, ThankYou> thankYous = thankYous(c, s);
    Map<Long, Instant> lastSent =
        times(
            c,
            "SELECT contact_id, MAX(sent_at) FROM draft WHERE status = 'SENT'"
                + s.and("contact_id")
                + " GROUP BY contact_id",
            s);
    Map<Long, Instant> closedNote =
        times(
            c,
            "SELECT contact_id, MAX(updated_at) FROM draft WHERE kind = 'KEEP_IN_TOUCH'"
                + " AND status IN ('REJECTED', 'CANCELLED')"
                + s.and("contact_id")
                + " GROUP BY contact_id",
            s);
    Set<Long> openKeep = openDrafts(c, "KEEP_IN_TOUCH", s);
    Map<Long, List<ContactFacts.OfferedIntroduction>> offered = introductions(c, s);
    Set<Long> openReferralNudge = openDrafts(c, "REFERRAL_NUDGE", s);
    Map<Long, ContactFacts.UpcomingInterview> upcoming = upcoming(c, s);

    List<ContactFacts> all = new ArrayList<>();
    for (ContactRow row : rows) {
      long id = row.id();
      Instant send = lastSend.get(id);
      Instant since = send == null ? Instant.EPOCH : send;
      Optional<ThankYou> thankYou = Optional.ofNullable(thankYous.get(id));
      all.add(
          new ContactFacts(
              id,
              row.stage(),
              row.followUps(),
              send,
              openNudge.contains(id),
              after(lastReply.get(id), since),
              after(lastAutoReply.get(id), since),
              row.nudgeNotBefore(),
              interviewed.get(id),
              thankYou.map(ThankYou::draftId).orElse(null),
              thankYou.map(ThankYou::pending).orElse(false),
              thankYou.map(ThankYou::reminders).orElse(0),
              thankYou.map(ThankYou::lastReminderAt).orElse(null),
              latest(lastSent.get(id), lastReply.get(id), interviewed.get(id), closedNote.get(id)),
              openKeep.contains(id),
              offered.get(id),
              openReferralNudge.contains(id),
              upcoming.get(id),
              row.keepInTouch(),
              lastReply.containsKey(id),
              row.atEmployer()));
    }
    return all;
  }

  /**
   * The planned contacts: in a stage with something to schedule, marked to keep in touch with after
   * an answer, with an interview booked, or having offered an introduction. One contact is read
   * whatever its stage.
   */
  private static List<ContactRow> contacts(Connection c, Scope s) {
    String which =
        s.contactId() != null
            ? "id = ?"
            : "stage IN "
                + PLANNED_STAGES
                + " OR (keep_in_touch AND stage IN "
                + MARKED_STAGES
                + ")"
                + " OR id IN (SELECT contact_id FROM interview WHERE status = 'SCHEDULED')"
                + " OR id IN (SELECT i.contact_id FROM referral r JOIN interview i ON i.id = r.interview_id"
                + " WHERE r.introduction_offered)";
    return Sql.list(
        c,
        "SELECT id, stage, follow_ups, nudge_not_before, keep_in_touch, employer_id IS NOT NULL"
            + " FROM contact WHERE "
            + which
            + " ORDER BY id",
        rs ->
            new ContactRow(
                rs.getLong(1),
                Stage.valueOf(rs.getString(2)),
                rs.getInt(3),
                rs.getObject(4, LocalDate.class),
                rs.getBoolean(5),
                rs.getBoolean(6)),
        s.params());
  }

  /**
   * Of each contact, the latest THANK_YOU drafted since it last became INTERVIEWED, whether it
   * still waits for review, and the reminders recorded about it (events linked to that draft).
   */
  private static Map<Long, ThankYou> thankYous(Connection c, Scope s) {
    Map<Long, ThankYou> out = new HashMap<>();
    String reminders =
        " FROM event r WHERE r.contact_id = d.contact_id AND r.type = 'REMINDER'"
            + " AND r.link_type = 'draft' AND r.link_id = d.id)";
    Sql.list(
        c,
        "SELECT d.contact_id, d.id, d.status, (SELECT COUNT(*)"
            + reminders
            + ", (SELECT MAX(r.at)"
            + reminders
            + " FROM draft d WHERE d.kind = 'THANK_YOU'"
            + s.and("d.contact_id")
            + " AND d.created_at >= (SELECT MAX(e.at) FROM event e WHERE e.contact_id = d.contact_id"
            + " AND e.type = 'STAGE' AND e.to_stage = 'INTERVIEWED')"
            + " ORDER BY d.id DESC",
        rs -> {
          out.putIfAbsent(
              rs.getLong(1),
              new ThankYou(
                  rs.getLong(2),
                  "PENDING".equals(rs.getString(3)),
                  rs.getInt(4),
                  instant(rs.getObject(5, OffsetDateTime.class))));
          return null;
        },
        s.params());
    return out;
  }

  /**
   * The introductions offered in interview notes, by the interviewee who offered them. Each says
   * whether the referred person was written to or moved past NEW, and whether a referral nudge was
   * drafted about it (a REFERRAL_NUDGE draft whose {@code referral_id} names it).
   */
  private static Map<Long, List<ContactFacts.OfferedIntroduction>> introductions(
      Connection c, Scope s) {
    Map<Long, List<ContactFacts.OfferedIntroduction>> out = new HashMap<>();
    Sql.list(
        c,
        "SELECT i.contact_id, r.id, r.contact_id, rc.name, r.created_at,"
            + " rc.stage <> 'NEW' OR EXISTS (SELECT 1 FROM draft d WHERE d.contact_id = r.contact_id AND d.status = 'SENT'),"
            + " EXISTS (SELECT 1 FROM draft n WHERE n.referral_id = r.id AND n.kind = 'REFERRAL_NUDGE')"
            + " FROM referral r JOIN interview i ON i.id = r.interview_id JOIN contact rc ON rc.id = r.contact_id"
            + " WHERE r.introduction_offered AND i.status <> 'CANCELLED'"
            + s.and("i.contact_id")
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
        s.params());
    return out;
  }

  /** The SCHEDULED interview of each contact, with its latest prep reminder. */
  private static Map<Long, ContactFacts.UpcomingInterview> upcoming(Connection c, Scope s) {
    Map<Long, ContactFacts.UpcomingInterview> out = new HashMap<>();
    Sql.list(
        c,
        "SELECT i.contact_id, i.id, i.starts_at,"
            + " (SELECT MAX(e.at) FROM event e WHERE e.contact_id = i.contact_id AND e.type = 'REMINDER'"
            + " AND e.interview_id = i.id)"
            + " FROM interview i WHERE i.status = 'SCHEDULED'"
            + s.and("i.contact_id")
            + " ORDER BY i.starts_at",
        rs -> {
          out.putIfAbsent(
              rs.getLong(1),
              new ContactFacts.UpcomingInterview(
                  rs.getLong(2),
                  rs.getObject(3, OffsetDateTime.class).toInstant(),
                  instant(rs.getObject(4, OffsetDateTime.class))));
          return null;
        },
        s.params());
    return out;
  }

  /** The contacts with a draft of {@code kind} still waiting (pending, approved or on its way). */
  private static Set<Long> openDrafts(Connection c, String kind, Scope s) {
    return new HashSet<>(
        Sql.list(
            c,
            "SELECT DISTINCT contact_id FROM draft WHERE kind = '"
                + kind
                + "' AND status IN "
                + OPEN
                + s.and("contact_id"),
            rs -> rs.getLong(1),
            s.params()));
  }

  /** When each contact's latest message of {@code kind} was read. */
  private static Map<Long, Instant> incoming(Connection c, String kind, Scope s) {
    return times(
        c,
        "SELECT contact_id, MAX(processed_at) FROM inbox_message WHERE kind = '"
            + kind
            + "' AND contact_id IS NOT NULL"
            + s.and("contact_id")
            + " GROUP BY contact_id",
        s);
  }

  private static boolean after(Instant t, Instant since) {
    return t != null && t.isAfter(since);
  }

  private static Map<Long, Instant> times(Connection c, String sql, Scope s) {
    Map<Long, Instant> out = new HashMap<>();
    Sql.list(
        c,
        sql,
        rs -> {
          OffsetDateTime t = rs.getObject(2, OffsetDateTime.class);
          if (t != null) out.put(rs.getLong(1), t.toInstant());
          return null;
        },
        s.params());
    return out;
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static Instant latest(Instant... times) {
    Instant max = null;
    for (Instant t : times) if (t != null && (max == null || t.isAfter(max))) max = t;
    return max;
  }
}
