package dev.rapport.draft;

import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/** The draft_attachment table: files stored with a draft, read by review and by the outbox. */
public final class DraftAttachments {
  void insert(Connection c, long draftId, Attachment a, Instant now) {
    Sql.insert(
        c,
        "INSERT INTO draft_attachment (draft_id, filename, content_type, content, summary, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        draftId,
        a.filename(),
        a.contentType(),
        a.content(),
        a.summary(),
        now);
  }

  /** The draft's attachments, in the order they were added. */
  public List<Attachment> of(Connection c, long draftId) {
    return Sql.list(
        c,
        "SELECT filename, content_type, content, summary FROM draft_attachment WHERE draft_id = ? ORDER BY id",
        rs -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)),
        draftId);
  }
}
