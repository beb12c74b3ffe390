package dev.rapport.question;

import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/** The question table: the active set in order, and questions retired from it. */
final class QuestionStore {

  List<Question> active(Connection c) {
    return Sql.list(
        c,
        "SELECT id, position, text FROM question WHERE position IS NOT NULL ORDER BY position",
        rs -> new Question(rs.getLong(1), rs.getInt(2), rs.getString(3)));
  }

  long insert(Connection c, String text, int position, Instant now) {
    return Sql.insert(
        c,
        "INSERT INTO question (text, position, created_at) VALUES (?, ?, ?)",
        text,
        position,
        now);
  }

  void retire(Connection c, long id, Instant now) {
    Sql.update(c, "UPDATE question SET position = NULL, retired_at = ? WHERE id = ?", now, id);
  }

  /** Numbers the given questions 1, 2, … in the order given. */
  void renumber(Connection c, List<Question> inOrder) {
    // Cleared first: positions are unique, and a shift would collide halfway.
    for (Question q : inOrder)
      Sql.update(c, "UPDATE question SET position = NULL WHERE id = ?", q.id());
    for (int i = 0; i < inOrder.size(); i++) {
      Sql.update(c, "UPDATE question SET position = ? WHERE id = ?", i + 1, inOrder.get(i).id());
    }
  }

  /** Active and retired questions by id, for answers given to a question since retired. */
  String text(Connection c, long id) {
    return Sql.one(c, "SELECT text FROM question WHERE id = ?", rs -> rs.getString(1), id)
        .orElse(null);
  }
}
