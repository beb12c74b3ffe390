package dev.rapport.employer;

import dev.rapport.contact.CompanyNames;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The employer table, and the contact.employer_id links to it. */
final class EmployerStore {
  private static final String COLUMNS = "id, name, motivation, posting, note, created_at";

  long insert(
      Connection c, String name, int motivation, boolean posting, String note, Instant now) {
    return Sql.insert(
        c,
        "INSERT INTO employer (name, name_key, motivation, posting, note, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        name,
        CompanyNames.key(name),
        motivation,
        posting,
        note,
        now,
        now);
  }

  void update(Connection c, Employer e, Instant now) {
    Sql.update(
        c,
        "UPDATE employer SET name = ?, name_key = ?, motivation = ?, posting = ?, note = ?,"
            + " updated_at = ? WHERE id = ?",
        e.name(),
        CompanyNames.key(e.name()),
        e.motivation(),
        e.posting(),
        e.note(),
        now,
        e.id());
  }

  Optional<Employer> find(Connection c, long id) {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM employer WHERE id = ?", EmployerStore::map, id);
  }

  Optional<Employer> findByName(Connection c, String name) {
    return Sql.one(
        c,
        "SELECT " + COLUMNS + " FROM employer WHERE name_key = ?",
        EmployerStore::map,
        CompanyNames.key(name));
  }

  List<Employer> list(Connection c) {
    return Sql.list(c, "SELECT " + COLUMNS + " FROM employer ORDER BY id", EmployerStore::map);
  }

  /**
   * Links to the employer every contact whose company matches its name, and unlinks those linked to
   * it whose company no longer does. Company keys are worked out here, in Java, so that exactly one
   * rule ({@link CompanyNames}) decides a match.
   */
  int relink(Connection c, Employer e) {
    String key = CompanyNames.key(e.name());
    Sql.update(c, "UPDATE contact SET employer_id = NULL WHERE employer_id = ?", e.id());
    int linked = 0;
    for (Object[] row :
        Sql.list(
            c,
            "SELECT id, company FROM contact WHERE company IS NOT NULL",
            rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
      if (!key.equals(CompanyNames.key((String) row[1]))) continue;
      Sql.update(c, "UPDATE contact SET employer_id = ? WHERE id = ?", e.id(), row[0]);
      linked++;
    }
    return linked;
  }

  Optional<Employer> employerOf(Connection c, long contactId) {
    return Sql.one(
        c,
        "SELECT e.id, e.name, e.motivation, e.posting, e.note, e.created_at FROM employer e"
            + " JOIN contact c ON c.employer_id = e.id WHERE c.id = ?",
        EmployerStore::map,
        contactId);
  }

  private static Employer map(ResultSet rs) throws SQLException {
    return new Employer(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getInt("motivation"),
        rs.getBoolean("posting"),
        rs.getString("note"),
        Sql.time(rs, "created_at"));
  }
}
