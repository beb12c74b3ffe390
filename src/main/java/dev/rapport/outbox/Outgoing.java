package dev.rapport.outbox;

import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftKind;

/**
 * A draft the outbox has taken up (SENDING), with everything its message is built from: the name
 * for To, its Message-ID, and for a reply in a thread, In-Reply-To and References (null when it
 * starts a thread). All but the Message-ID were fixed when the draft was made.
 */
record Outgoing(
    long draftId,
    long contactId,
    DraftKind kind,
    String to,
    String contactName,
    String subject,
    String body,
    String messageId,
    String inReplyTo,
    String references,
    java.util.List<dev.rapport.draft.Attachment> attachments) {

  Outgoing {
    attachments = attachments == null ? java.util.List.of() : java.util.List.copyOf(attachments);
  }

  Outgoing(
      long draftId,
      long contactId,
      DraftKind kind,
      String to,
      String contactName,
      String subject,
      String body,
      String messageId,
      String inReplyTo,
      String references) {
    this(
        draftId,
        contactId,
        kind,
        to,
        contactName,
        subject,
        body,
        messageId,
        inReplyTo,
        references,
        java.util.List.of());
  }

  /** The same message with the files stored with its draft. */
  Outgoing with(java.util.List<dev.rapport.draft.Attachment> files) {
    return new Outgoing(
        draftId,
        contactId,
        kind,
        to,
        contactName,
        subject,
        body,
        messageId,
        inReplyTo,
        references,
        files);
  }

  /** The draft as stored, going out as {@code messageId}: nothing else is decided here. */
  static Outgoing of(OutboxStore.Row r, String messageId) {
    Draft d = r.draft();
    return new Outgoing(
        d.id(),
        d.contactId(),
        d.kind(),
        d.to(),
        d.toName(),
        d.subject(),
        d.body(),
        messageId,
        d.inReplyTo(),
        d.references());
  }
}
