package dev.rapport.draft;

import dev.rapport.contact.Channel;
import dev.rapport.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How a {@link Draft} is read from the draft table, for each query that returns whole drafts. */
public final class DraftColumns {
  private DraftColumns() {}

  /**
   * The draft table's columns for a SELECT, each qualified by {@code table} (its name or alias),
   * with {@code toName} (an SQL expression) read as the draft's {@code to_name}.
   */
  public static String of(String table, String toName) {
    String t = table + ".";
    return t
        + "id, "
        + t
        + "contact_id, "
        + t
        + "kind, "
        + t
        + "status, "
        + t
        + "to_address, "
        + t
        + "subject, "
        + t
        + "body, "
        + t
        + "template, "
        + t
        + "reason, "
        + t
        + "message_id, "
        + t
        + "in_reply_to, "
        + t
        + "references_ids, "
        + toName
        + " AS to_name, "
        + t
        + "review_note, "
        + t
        + "created_at, "
        + t
        + "updated_at, "
        + t
        + "approved_at, "
        + t
        + "sent_at, "
        + t
        + "channel";
  }

  /** The current row of a query that selected {@link #of} as a Draft. */
  public static Draft read(ResultSet rs) throws SQLException {
    return new Draft(
        rs.getLong("id"),
        rs.getLong("contact_id"),
        DraftKind.valueOf(rs.getString("kind")),
        DraftStatus.valueOf(rs.getString("status")),
        rs.getString("to_address"),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getString("template"),
        rs.getString("reason"),
        rs.getString("message_id"),
        rs.getString("in_reply_to"),
        rs.getString("references_ids"),
        rs.getString("to_name"),
        rs.getString("review_note"),
        Sql.time(rs, "created_at"),
        Sql.time(rs, "updated_at"),
        Sql.time(rs, "approved_at"),
        Sql.time(rs, "sent_at"),
        Channel.valueOf(rs.getString("channel")));
  }
}
