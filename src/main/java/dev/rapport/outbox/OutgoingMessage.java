package dev.rapport.outbox;

import dev.rapport.config.Config;
import dev.rapport.contact.HeaderText;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;

/**
 * Builds the MIME message for an {@link Outgoing} draft: From and To with names encoded as UTF-8
 * where needed, the stored Message-ID (kept through {@code saveChanges}), Date, a UTF-8 subject,
 * threading headers, and a text/plain; charset=UTF-8 body (Angus picks 7bit or quoted-printable).
 * Every header value is checked for CR, LF and other control characters first, whatever was checked
 * when the draft was saved.
 */
final class OutgoingMessage {
  private OutgoingMessage() {}

  static MimeMessage build(Session session, Config.Me me, Outgoing o, Instant now) {
    header("your name (me.name)", me.name());
    header("your address (me.email)", me.email());
    header("the To address", o.to());
    header("the contact's name", o.contactName());
    header("the subject", o.subject());
    header("the Message-ID", o.messageId());
    header("In-Reply-To", o.inReplyTo());
    header("References", o.references());
    if (o.body() != null && o.body().indexOf('\0') >= 0)
      throw new UnsendableDraftException("the body contains a NUL character");
    try {
      MimeMessage m = new IdentifiedMessage(session, o.messageId());
      m.setFrom(address(me.email(), me.name(), "your address (me.email)"));
      m.setRecipient(Message.RecipientType.TO, address(o.to(), o.contactName(), "the To address"));
      m.setSubject(o.subject(), "UTF-8");
      m.setSentDate(Date.from(now));
      if (o.inReplyTo() != null) m.setHeader("In-Reply-To", o.inReplyTo());
      if (o.references() != null)
        m.setHeader("References", MimeUtility.fold("References: ".length(), o.references()));
      if (o.attachments().isEmpty()) {
        m.setText(o.body(), "UTF-8");
      } else {
        // multipart/mixed: the text, then each file stored with the draft, byte for byte
        jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText(o.body(), "UTF-8");
        parts.addBodyPart(text);
        for (dev.rapport.draft.Attachment a : o.attachments()) {
          header("an attachment's name", a.filename());
          header("an attachment's type", a.contentType());
          jakarta.mail.internet.MimeBodyPart file = new jakarta.mail.internet.MimeBodyPart();
          file.setDataHandler(
              new jakarta.activation.DataHandler(
                  new jakarta.mail.util.ByteArrayDataSource(a.content(), a.contentType())));
          file.setFileName(a.filename());
          file.setDisposition(jakarta.mail.Part.ATTACHMENT);
          parts.addBodyPart(file);
        }
        m.setContent(parts);
      }
      m.saveChanges();
      return m;
    } catch (MessagingException e) {
      throw new UnsendableDraftException("the message could not be built: " + e.getMessage());
    }
  }

  private static void header(String what, String value) {
    if (value == null) return;
    try {
      HeaderText.require(value);
    } catch (IllegalArgumentException e) {
      throw new UnsendableDraftException(what + " " + e.getMessage());
    }
  }

  private static InternetAddress address(String email, String name, String what) {
    try {
      InternetAddress parsed = new InternetAddress(email, true);
      if (parsed.isGroup()
          || parsed.getPersonal() != null
          || !parsed.getAddress().equals(email.strip())) {
        throw new UnsendableDraftException(what + " \"" + email + "\" is not one plain address");
      }
      return new InternetAddress(
          parsed.getAddress(), name == null || name.isBlank() ? null : name, "UTF-8");
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new UnsendableDraftException(
          what + " \"" + email + "\" is not a valid address: " + e.getMessage());
    }
  }

  /**
   * A message whose Message-ID is ours: {@link MimeMessage#saveChanges} would otherwise replace it
   * with one of Angus's own through {@code updateMessageID}.
   */
  static final class IdentifiedMessage extends MimeMessage {
    private final String messageId;

    IdentifiedMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
