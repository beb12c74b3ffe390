package dev.rapport.employer;

import dev.rapport.contact.Stage;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Reads {@link EmployerContact}s: one query over contact, draft, inbox_message and interview. */
final class EmployerContacts {
  private static final String SELECT =
      """
      SELECT c.id, c.name, c.role, c.stage, c.employer_id,
        (SELECT MIN(d.sent_at) FROM draft d WHERE d.contact_id = c.id AND d.kind = 'OUTREACH'
           AND d.status = 'SENT') AS first_sent,
        (SELECT MAX(d.sent_at) FROM draft d WHERE d.contact_id = c.id AND d.kind = 'OUTREACH'
           AND d.status = 'SENT') AS last_sent,
        EXISTS (SELECT 1 FROM draft d WHERE d.contact_id = c.id AND d.kind = 'OUTREACH'
           AND d.status IN ('PENDING', 'APPROVED', 'SENDING', 'UNCERTAIN')) AS outreach_open,
        EXISTS (SELECT 1 FROM draft d WHERE d.contact_id = c.id AND d.kind = 'OUTREACH'
           AND d.status NOT IN ('CANCELLED', 'FAILED')) AS outreach_drafted,
        (SELECT MIN(COALESCE(m.sent_at, m.processed_at)) FROM inbox_message m
           WHERE m.contact_id = c.id AND m.kind = 'HUMAN_REPLY') AS first_reply,
        (SELECT COUNT(*) FROM interview i WHERE i.contact_id = c.id
           AND i.status <> 'CANCELLED') AS interviews
      FROM contact c
      """;

  private EmployerContacts() {}

  /** Every contact linked to an employer, by id. */
  static List<EmployerContact> linked(Connection c) {
    return Sql.list(
        c, SELECT + " WHERE c.employer_id IS NOT NULL ORDER BY c.id", EmployerContacts::map);
  }

  /** The contacts linked to one employer, by id. */
  static List<EmployerContact> at(Connection c, long employerId) {
    return Sql.list(
        c, SELECT + " WHERE c.employer_id = ? ORDER BY c.id", EmployerContacts::map, employerId);
  }

  /** The given contacts (linked or not), by id. */
  static List<EmployerContact> of(Connection c, List<Long> ids) {
    if (ids.isEmpty()) return List.of();
    String in = String.join(", ", ids.stream().map(i -> "?").toList());
    return Sql.list(
        c,
        SELECT + " WHERE c.id IN (" + in + ") ORDER BY c.id",
        EmployerContacts::map,
        ids.toArray());
  }

  private static EmployerContact map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new EmployerContact(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("role"),
        Stage.valueOf(rs.getString("stage")),
        Sql.nullableLong(rs, "employer_id"),
        instant(Sql.time(rs, "first_sent")),
        instant(Sql.time(rs, "last_sent")),
        rs.getBoolean("outreach_open"),
        rs.getBoolean("outreach_drafted"),
        instant(Sql.time(rs, "first_reply")),
        rs.getInt("interviews"));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
