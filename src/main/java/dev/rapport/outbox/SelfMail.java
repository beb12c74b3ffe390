package dev.rapport.outbox;

import dev.rapport.config.Config;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;

/**
 * A message from the user to the user (the morning digest): the one mail that needs no approval,
 * since it never leaves the user's own mailbox. Sent over the outbox's SMTP route; not a draft, not
 * counted against the daily cap, no copy in Sent.
 */
public final class SelfMail {
  private final OutboxMail mail;
  private final Config.Me me;
  private final MessageIds ids = new MessageIds();

  public SelfMail(OutboxMail mail, Config.Me me) {
    this.mail = mail;
    this.me = me;
  }

  /** Sends it and returns its Message-ID; throws {@link OutboxException} if it was not accepted. */
  public String send(String subject, String body, Instant now) {
    String messageId = ids.next(me.email(), now.toEpochMilli());
    try (SmtpSession smtp = new SmtpSession(mail.smtp(), mail.readTimeout())) {
      Outgoing o =
          new Outgoing(0, 0, null, me.email(), me.name(), subject, body, messageId, null, null);
      MimeMessage m = OutgoingMessage.build(smtp.session(), me, o, now);
      SendOutcome outcome = smtp.send(m);
      if (outcome.kind() != SendOutcome.Kind.DELIVERED) {
        throw new OutboxException("The mail to yourself was not sent: " + outcome.detail());
      }
      return messageId;
    } catch (UnsendableDraftException e) {
      throw new OutboxException("The mail to yourself could not be built: " + e.getMessage());
    }
  }
}
