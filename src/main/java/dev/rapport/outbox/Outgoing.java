package dev.rapport.outbox;

import dev.rapport.draft.DraftKind;

/**
 * A draft the outbox has taken up (SENDING), with everything its message is built from: the
 * contact's name for To, its Message-ID, and for a reply in a thread, In-Reply-To and References
 * (null when it starts a thread).
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
    String references) {}
