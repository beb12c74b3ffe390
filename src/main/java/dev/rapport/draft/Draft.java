package dev.rapport.draft;

import dev.rapport.contact.Channel;
import java.time.OffsetDateTime;

/**
 * One email as rapport drafted it and the user reviews it. {@code template} is the file it was
 * rendered from (the variant), {@code reason} why it exists or why it failed. Its thread ({@code
 * inReplyTo}, {@code references}) and the recipient's display name ({@code toName}) are decided
 * when it is drafted, and sent as stored; {@code reviewNote} says why it waits for review again.
 * {@code channel}, also decided when drafted: only an EMAIL draft is sent by the outbox; any other
 * has no address ({@code to} null) and is sent by the user's hand ({@code drafts mark-sent}).
 */
public record Draft(
    long id,
    long contactId,
    DraftKind kind,
    DraftStatus status,
    String to,
    String subject,
    String body,
    String template,
    String reason,
    String messageId,
    String inReplyTo,
    String references,
    String toName,
    String reviewNote,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime approvedAt,
    OffsetDateTime sentAt,
    Channel channel) {

  public Draft {
    if (channel == null) channel = Channel.EMAIL;
  }

  /** True when the user sends it by hand rather than the outbox by mail. */
  public boolean byHand() {
    return channel.byHand();
  }

  /** The part of a draft the user edits. */
  public DraftContent content() {
    return new DraftContent(to, subject, body);
  }
}
