package dev.rapport.pause;

import dev.rapport.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The pause table. */
public final class PauseStore {
  private static final String COLUMNS =
      "SELECT id, started_at, until_at, note, ended_at FROM pause";

  /** The pause in force at {@code now}, if any: what the outbox and the scheduler ask. */
  public Optional<Pause> activeAt(Connection c, Instant now) {
    return all(c).stream().filter(p -> p.activeAt(now)).reduce((first, second) -> second);
  }

  /** The pause that ended last, before or at {@code now}. */
  public Optional<Pause> lastEnded(Connection c, Instant now) {
    Pause last = null;
    for (Pause p : all(c)) {
      Instant end = p.end();
      if (end != null && !end.isAfter(now) && (last == null || end.isAfter(last.end()))) last = p;
    }
    return Optional.ofNullable(last);
  }

  /** Every pause, oldest first: a handful in a year. */
  public List<Pause> all(Connection c) {
    return Sql.list(c, COLUMNS + " ORDER BY started_at, id", PauseStore::map);
  }

  long insert(Connection c, Instant startedAt, Instant until, String note) {
    return Sql.insert(
        c,
        "INSERT INTO pause (started_at, until_at, note) VALUES (?, ?, ?)",
        startedAt,
        until,
        note);
  }

  void end(Connection c, long id, Instant at) {
    Sql.update(c, "UPDATE pause SET ended_at = ? WHERE id = ? AND ended_at IS NULL", at, id);
  }

  Optional<Pause> find(Connection c, long id) {
    return Sql.one(c, COLUMNS + " WHERE id = ?", PauseStore::map, id);
  }

  private static Pause map(ResultSet rs) throws SQLException {
    return new Pause(
        rs.getLong("id"),
        instant(Sql.time(rs, "started_at")),
        instant(Sql.time(rs, "until_at")),
        rs.getString("note"),
        instant(Sql.time(rs, "ended_at")));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
