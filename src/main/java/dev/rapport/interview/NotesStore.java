package dev.rapport.interview;

import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Answers, free notes and referrals of interviews: rows only ever added. */
final class NotesStore {

  /** One stored answer, with the interview it was given in. */
  record StoredAnswer(long interviewId, long questionId, String text, OffsetDateTime recordedAt) {}

  /** One stored note. */
  record StoredNote(long interviewId, String text, OffsetDateTime recordedAt) {}

  /** One stored referral. */
  record StoredReferral(
      long interviewId,
      long contactId,
      String context,
      boolean introductionOffered,
      boolean createdContact) {}

  void answer(Connection c, long interviewId, long questionId, String text, Instant now) {
    Sql.insert(
        c,
        "INSERT INTO interview_answer (interview_id, question_id, text, recorded_at) VALUES (?, ?, ?, ?)",
        interviewId,
        questionId,
        text,
        now);
  }

  void note(Connection c, long interviewId, String text, Instant now) {
    Sql.insert(
        c,
        "INSERT INTO interview_note (interview_id, text, recorded_at) VALUES (?, ?, ?)",
        interviewId,
        text,
        now);
  }

  void referral(
      Connection c,
      long interviewId,
      long contactId,
      String context,
      boolean introductionOffered,
      boolean createdContact,
      Instant now) {
    Sql.insert(
        c,
        "INSERT INTO referral (interview_id, contact_id, context, introduction_offered,"
            + " created_contact, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        interviewId,
        contactId,
        context,
        introductionOffered,
        createdContact,
        now);
  }

  /** Every answer, in the order recorded. */
  List<StoredAnswer> answers(Connection c) {
    return Sql.list(
        c,
        "SELECT interview_id, question_id, text, recorded_at FROM interview_answer ORDER BY id",
        rs ->
            new StoredAnswer(
                rs.getLong(1), rs.getLong(2), rs.getString(3), Sql.time(rs, "recorded_at")));
  }

  List<StoredAnswer> answers(Connection c, long interviewId) {
    return Sql.list(
        c,
        "SELECT interview_id, question_id, text, recorded_at FROM interview_answer"
            + " WHERE interview_id = ? ORDER BY id",
        rs ->
            new StoredAnswer(
                rs.getLong(1), rs.getLong(2), rs.getString(3), Sql.time(rs, "recorded_at")),
        interviewId);
  }

  List<StoredNote> notes(Connection c, long interviewId) {
    return Sql.list(
        c,
        "SELECT interview_id, text, recorded_at FROM interview_note WHERE interview_id = ? ORDER BY id",
        rs -> new StoredNote(rs.getLong(1), rs.getString(2), Sql.time(rs, "recorded_at")),
        interviewId);
  }

  List<StoredReferral> referrals(Connection c, long interviewId) {
    return Sql.list(
        c,
        "SELECT interview_id, contact_id, context, introduction_offered, created_contact"
            + " FROM referral WHERE interview_id = ? ORDER BY id",
        rs ->
            new StoredReferral(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)),
        interviewId);
  }
}
