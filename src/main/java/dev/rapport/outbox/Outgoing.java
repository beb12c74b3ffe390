package dev.rapport.outbox;

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
    String references) {

  /** The draft as stored, going out as {@code messageId}: nothing else is decided here. */
  static Outgoing of(OutboxStore.Row r, String messageId) {
    return new Outgoing(
        r.id(),
        r.contactId(),
        r.kind(),
        r.to(),
        r.toName(),
        r.subject(),
        r.body(),
        messageId,
        r.inReplyTo(),
        r.references());
  }
}
