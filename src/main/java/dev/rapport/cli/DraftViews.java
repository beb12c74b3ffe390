package dev.rapport.cli;

import dev.rapport.draft.Draft;
import java.time.OffsetDateTime;

/** The JSON shape of a draft that INTERFACE.md promises, then a few more keys. */
final class DraftViews {
  private DraftViews() {}

  record DraftJson(
      long id,
      long contactId,
      String kind,
      String status,
      String subject,
      String body,
      String messageId,
      OffsetDateTime createdAt,
      OffsetDateTime sentAt,
      String to,
      String template,
      String reason,
      OffsetDateTime approvedAt,
      OffsetDateTime updatedAt) {}

  static DraftJson of(Draft d, AppCommand cmd) {
    return new DraftJson(
        d.id(),
        d.contactId(),
        d.kind().name(),
        d.status().name(),
        d.subject(),
        d.body(),
        d.messageId(),
        cmd.local(d.createdAt()),
        cmd.local(d.sentAt()),
        d.to(),
        d.template(),
        d.reason(),
        cmd.local(d.approvedAt()),
        cmd.local(d.updatedAt()));
  }

  /** One line about a draft, for the commands that change drafts. */
  static String line(Draft d) {
    return "draft " + d.id() + " (" + d.kind() + " to " + d.to() + ": \"" + d.subject() + "\")";
  }
}
