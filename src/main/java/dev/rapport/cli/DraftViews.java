package dev.rapport.cli;

import dev.rapport.draft.Draft;
import dev.rapport.outbox.MessagePreview;
import java.time.OffsetDateTime;
import java.util.List;

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
      OffsetDateTime updatedAt,
      String inReplyTo,
      String references,
      String toName,
      String reviewNote,
      List<MessagePreview.Header> headers,
      String problem,
      List<String> warnings,
      String channel) {}

  /**
   * A draft in a list: without its message headers and outreach warnings (null), which only {@code
   * show} builds.
   */
  static DraftJson of(Draft d, AppCommand cmd) {
    return of(d, null, null, cmd);
  }

  /**
   * A draft with the headers it is sent with ({@code preview}; null in lists): {@code headers}, as
   * on the dashboard, {@code problem} when it cannot be sent as it is, and the outreach check's
   * {@code warnings} (empty for other kinds; null in lists).
   */
  static DraftJson of(Draft d, MessagePreview preview, List<String> warnings, AppCommand cmd) {
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
        cmd.local(d.updatedAt()),
        d.inReplyTo(),
        d.references(),
        d.toName(),
        d.reviewNote(),
        preview == null ? null : preview.headers(),
        d.byHand()
            ? dev.rapport.draft.ShortNotes.problem(d).orElse(null)
            : preview == null ? null : preview.problem(),
        warnings,
        d.channel().name());
  }

  /** One line about a draft, for the commands that change drafts. */
  static String line(Draft d) {
    return "draft "
        + d.id()
        + " ("
        + d.kind()
        + (d.byHand() ? " on " + d.channel().label() : " to " + d.to())
        + ": \""
        + d.subject()
        + "\")";
  }
}
