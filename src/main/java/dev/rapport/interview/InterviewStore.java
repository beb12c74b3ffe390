package dev.rapport.interview;

import dev.rapport.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** The interview table. */
final class InterviewStore {
  private static final String COLUMNS =
      "id, contact_id, status, starts_at, zone, minutes, place, source, invitation_uid, highlight,"
          + " resonated, clashed, energy, continue_path, created_at, done_at";

  long insert(
      Connection c,
      long contactId,
      Interview.Status status,
      ZonedDateTime start,
      int minutes,
      String place,
      Interview.Source source,
      String invitationUid,
      Instant now) {
    return Sql.insert(
        c,
        "INSERT INTO interview (contact_id, status, starts_at, zone, minutes, place, source,"
            + " invitation_uid, created_at, updated_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        contactId,
        status,
        start.toInstant(),
        InterviewTime.zoneOf(start),
        minutes,
        place,
        source,
        invitationUid,
        now,
        now,
        status == Interview.Status.DONE ? now : null);
  }

  Optional<Interview> find(Connection c, long id) {
    return Sql.one(
        c, "SELECT " + COLUMNS + " FROM interview WHERE id = ?", InterviewStore::map, id);
  }

  /** The contact's interview in {@code status}, latest first. */
  Optional<Interview> latest(Connection c, long contactId, Interview.Status status) {
    return Sql.one(
        c,
        "SELECT "
            + COLUMNS
            + " FROM interview WHERE contact_id = ? AND status = ? ORDER BY starts_at DESC, id DESC",
        InterviewStore::map,
        contactId,
        status);
  }

  /** The contact's latest interview that was not cancelled. */
  Optional<Interview> latestHeld(Connection c, long contactId) {
    return Sql.one(
        c,
        "SELECT "
            + COLUMNS
            + " FROM interview WHERE contact_id = ? AND status <> 'CANCELLED'"
            + " ORDER BY starts_at DESC, id DESC",
        InterviewStore::map,
        contactId);
  }

  List<Interview> list(Connection c, Optional<Interview.Status> status) {
    return status.isPresent()
        ? Sql.list(
            c,
            "SELECT " + COLUMNS + " FROM interview WHERE status = ? ORDER BY starts_at, id",
            InterviewStore::map,
            status.get())
        : Sql.list(
            c, "SELECT " + COLUMNS + " FROM interview ORDER BY starts_at, id", InterviewStore::map);
  }

  /** Interviews held (not cancelled) with contacts of one hypothesis, or with everyone. */
  List<Interview> held(Connection c, Long hypothesisId) {
    String sql =
        "SELECT i."
            + COLUMNS.replace(", ", ", i.")
            + " FROM interview i JOIN contact k ON k.id = i.contact_id WHERE i.status <> 'CANCELLED'"
            + (hypothesisId == null ? "" : " AND k.hypothesis_id = ?")
            + " ORDER BY i.starts_at, i.id";
    return hypothesisId == null
        ? Sql.list(c, sql, InterviewStore::map)
        : Sql.list(c, sql, InterviewStore::map, hypothesisId);
  }

  void reschedule(
      Connection c, long id, ZonedDateTime start, int minutes, String place, Instant now) {
    Sql.update(
        c,
        "UPDATE interview SET starts_at = ?, zone = ?, minutes = ?, place = ?, source = 'COMMAND',"
            + " updated_at = ? WHERE id = ?",
        start.toInstant(),
        InterviewTime.zoneOf(start),
        minutes,
        place,
        now,
        id);
  }

  void setStatus(Connection c, long id, Interview.Status status, Instant now) {
    Sql.update(
        c,
        "UPDATE interview SET status = ?, updated_at = ?,"
            + " done_at = CASE WHEN ? = 'DONE' THEN ? ELSE done_at END WHERE id = ?",
        status,
        now,
        status,
        now,
        id);
  }

  void setInvitation(Connection c, long id, String uid, Instant now) {
    Sql.update(
        c,
        "UPDATE interview SET source = 'INVITATION', invitation_uid = ?, updated_at = ? WHERE id = ?",
        uid,
        now,
        id);
  }

  void saveReflection(Connection c, long id, String highlight, Reflection r, Instant now) {
    Sql.update(
        c,
        "UPDATE interview SET highlight = ?, resonated = ?, clashed = ?, energy = ?,"
            + " continue_path = ?, updated_at = ? WHERE id = ?",
        highlight,
        r.resonated(),
        r.clashed(),
        r.energy(),
        r.continuePath(),
        now,
        id);
  }

  static Interview map(ResultSet rs) throws SQLException {
    Object cont = rs.getObject("continue_path");
    return new Interview(
        rs.getLong("id"),
        rs.getLong("contact_id"),
        Interview.Status.valueOf(rs.getString("status")),
        Sql.time(rs, "starts_at"),
        rs.getString("zone"),
        rs.getInt("minutes"),
        rs.getString("place"),
        Interview.Source.valueOf(rs.getString("source")),
        rs.getString("invitation_uid"),
        rs.getString("highlight"),
        new Reflection(
            rs.getString("resonated"),
            rs.getString("clashed"),
            Sql.nullableInt(rs, "energy"),
            cont == null ? null : (Boolean) cont),
        Sql.time(rs, "created_at"),
        Sql.time(rs, "done_at"));
  }
}
