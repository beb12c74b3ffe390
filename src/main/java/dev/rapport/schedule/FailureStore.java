package dev.rapport.schedule;

import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The schedule_failure table: a scheduled action that threw, retried after a pause that doubles
 * from one minute up to an hour, shown by {@code doctor}, removed once the action succeeds.
 */
public final class FailureStore {
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final Duration LONGEST_RETRY = Duration.ofHours(1);

  /** One failing action as doctor reports it. */
  public record Failure(
      String key, Long contactId, int attempts, Instant nextAttemptAt, String lastError) {}

  /** Records a failure and returns when to try again. */
  Instant record(Connection c, String key, Long contactId, String error, Instant now) {
    String text = error == null ? "unknown error" : error;
    if (text.length() > 2000) text = text.substring(0, 2000);
    int attempts =
        (int)
                Sql.count(
                    c,
                    "SELECT COALESCE(MAX(attempts), 0) FROM schedule_failure WHERE action_key = ?",
                    key)
            + 1;
    Instant next = now.plus(backoff(attempts));
    if (attempts == 1) {
      Sql.update(
          c,
          "INSERT INTO schedule_failure (action_key, contact_id, attempts, next_attempt_at, last_error, first_failed_at, last_failed_at)"
              + " VALUES (?, ?, 1, ?, ?, ?, ?)",
          key,
          contactId,
          next,
          text,
          now,
          now);
    } else {
      Sql.update(
          c,
          "UPDATE schedule_failure SET attempts = ?, next_attempt_at = ?, last_error = ?, last_failed_at = ? WHERE action_key = ?",
          attempts,
          next,
          text,
          now,
          key);
    }
    return next;
  }

  /** True while a failed action waits for its next attempt. */
  boolean waiting(Connection c, String key, Instant now) {
    return Sql.count(
            c,
            "SELECT COUNT(*) FROM schedule_failure WHERE action_key = ? AND next_attempt_at > ?",
            key,
            now)
        > 0;
  }

  void clear(Connection c, String key) {
    Sql.update(c, "DELETE FROM schedule_failure WHERE action_key = ?", key);
  }

  public List<Failure> all(Connection c) {
    return Sql.list(
        c,
        "SELECT action_key, contact_id, attempts, next_attempt_at, last_error FROM schedule_failure ORDER BY first_failed_at",
        rs ->
            new Failure(
                rs.getString(1),
                Sql.nullableLong(rs, "contact_id"),
                rs.getInt(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(),
                rs.getString(5)));
  }

  static Duration backoff(int attempts) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
    return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
  }
}
