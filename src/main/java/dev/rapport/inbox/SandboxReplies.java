package dev.rapport.inbox;

import dev.rapport.InvalidInputException;
import dev.rapport.NotFoundException;
import dev.rapport.store.Database;
import dev.rapport.store.Sql;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes the mail a contact's side would send back in the sandbox: a person's reply, an
 * out-of-office or a bounce, each answering the last message rapport sent to the contact as the
 * database recorded it (GreenMail forgets its mail at every start). The messages are as real mail
 * systems write them, so the watcher and its classifier see nothing special.
 */
public final class SandboxReplies {
  /** What to answer with. */
  public enum Variant {
    HUMAN,
    AUTO_REPLY,
    BOUNCE
  }

  /** The last message sent to a contact: what a reply refers to. */
  public record Sent(
      long contactId,
      String contactName,
      String contactEmail,
      String subject,
      String messageId,
      String inReplyTo,
      String body) {}

  /** A message ready for delivery: envelope sender, recipient and the RFC 5322 bytes. */
  public record Reply(String envelopeFrom, String to, byte[] raw) {}

  private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.RFC_1123_DATE_TIME;
  private static final DateTimeFormatter SPOKEN =
      DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
  static final String MAILER_DAEMON = "MAILER-DAEMON@mail.sandbox.invalid";

  private final Clock clock;

  public SandboxReplies(Clock clock) {
    this.clock = clock;
  }

  /** The last message rapport sent to the contact; says so when there is none yet. */
  public static Sent lastSent(Database db, long contactId) {
    return db.read(
        c -> {
          var contact =
              Sql.one(
                      c,
                      "SELECT name, email FROM contact WHERE id = ?",
                      rs -> new String[] {rs.getString(1), rs.getString(2)},
                      contactId)
                  .orElseThrow(
                      () -> new NotFoundException("There is no contact " + contactId + "."));
          return Sql.one(
                  c,
                  "SELECT subject, message_id, in_reply_to, body FROM draft WHERE contact_id = ? AND message_id IS NOT NULL"
                      + " AND status IN ('SENDING', 'SENT', 'UNCERTAIN') ORDER BY sent_at DESC NULLS LAST, id DESC LIMIT 1",
                  rs ->
                      new Sent(
                          contactId,
                          contact[0],
                          contact[1],
                          rs.getString(1),
                          InboxStore.normalizeId(rs.getString(2)),
                          rs.getString(3),
                          rs.getString(4)),
                  contactId)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "Nothing has been sent to contact "
                              + contactId
                              + " ("
                              + contact[0]
                              + ") yet, so there is nothing to reply to; approve a draft and let the daemon send it first."));
        });
  }

  public Reply build(Sent sent, String me, Variant variant, String text) {
    return switch (variant) {
      case HUMAN -> human(sent, me, text);
      case AUTO_REPLY -> autoReply(sent, me, text);
      case BOUNCE -> bounce(sent, me);
    };
  }

  private Reply human(Sent s, String me, String text) {
    String says =
        text != null && !text.isBlank()
            ? text
            : "Hi,\n\nthanks for reaching out, I'd be glad to talk. Would Tuesday at 10:00 work for a 30-minute call?\n\nBest,\n"
                + firstName(s.contactName());
    String quoted =
        s.body() == null
            ? ""
            : "\n\nOn "
                + RFC_5322.format(now().minusDays(1))
                + ", "
                + me
                + " wrote:\n"
                + ("> " + s.body().strip().replace("\n", "\n> "));
    String raw =
        header("From", display(s.contactName(), s.contactEmail()))
            + header("To", me)
            + header("Subject", encoded(reSubject(s.subject())))
            + header("Date", RFC_5322.format(now()))
            + header("Message-ID", newId(s.contactEmail()))
            + header("In-Reply-To", s.messageId())
            + header("References", references(s))
            + header("MIME-Version", "1.0")
            + header("Content-Type", "text/plain; charset=UTF-8")
            + header("Content-Transfer-Encoding", "8bit")
            + "\r\n"
            + crlf(says + quoted)
            + "\r\n";
    return new Reply(s.contactEmail(), me, raw.getBytes(StandardCharsets.UTF_8));
  }

  private Reply autoReply(Sent s, String me, String text) {
    LocalDate back = LocalDate.now(clock).plusDays(10);
    String says =
        text != null && !text.isBlank()
            ? text
            : "Thank you for your message. I am out of the office with limited access to email and will be back on "
                + SPOKEN.format(back)
                + ". I will answer your message when I return.\n\n"
                + s.contactName();
    String raw =
        header("From", display(s.contactName(), s.contactEmail()))
            + header("To", me)
            + header("Subject", encoded("Automatic reply: " + s.subject()))
            + header("Date", RFC_5322.format(now()))
            + header("Message-ID", newId(s.contactEmail()))
            + header("In-Reply-To", s.messageId())
            + header("References", s.messageId())
            + header("Auto-Submitted", "auto-replied")
            + header("X-Auto-Response-Suppress", "All")
            + header("MIME-Version", "1.0")
            + header("Content-Type", "text/plain; charset=UTF-8")
            + "\r\n"
            + crlf(says)
            + "\r\n";
    return new Reply(s.contactEmail(), me, raw.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A DSN as Postfix writes it: multipart/report with message/delivery-status and the original's
   * header (RFC 3464).
   */
  private Reply bounce(Sent s, String me) {
    String boundary = "=_sandbox_" + UUID.randomUUID();
    String rcpt = s.contactEmail();
    String domain = rcpt.substring(rcpt.indexOf('@') + 1);
    String raw =
        header("From", "Mail Delivery System <" + MAILER_DAEMON + ">")
            + header("To", me)
            + header("Subject", "Undelivered Mail Returned to Sender")
            + header("Date", RFC_5322.format(now()))
            + header("Message-ID", newId("mail.sandbox.invalid"))
            + header("Auto-Submitted", "auto-replied")
            + header("MIME-Version", "1.0")
            + header(
                "Content-Type",
                "multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"")
            + "\r\nThis is a MIME-encapsulated message.\r\n\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Description: Notification\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + crlf(
                "This is the mail system at host mail.sandbox.invalid.\n\nI'm sorry to have to inform you that your message"
                    + " could not\nbe delivered to one or more recipients.\n\n<"
                    + rcpt
                    + ">: host mx."
                    + domain
                    + " said: 550 5.1.1 <"
                    + rcpt
                    + ">:\n    Recipient address rejected: User unknown in virtual mailbox table\n")
            + "\r\n--"
            + boundary
            + "\r\n"
            + "Content-Description: Delivery report\r\nContent-Type: message/delivery-status\r\n\r\n"
            + "Reporting-MTA: dns; mail.sandbox.invalid\r\n"
            + "Arrival-Date: "
            + RFC_5322.format(now().minusMinutes(1))
            + "\r\n\r\n"
            + "Final-Recipient: rfc822; "
            + rcpt
            + "\r\n"
            + "Original-Recipient: rfc822;"
            + rcpt
            + "\r\n"
            + "Action: failed\r\nStatus: 5.1.1\r\n"
            + "Remote-MTA: dns; mx."
            + domain
            + "\r\n"
            + "Diagnostic-Code: smtp; 550 5.1.1 <"
            + rcpt
            + ">: Recipient address rejected: User unknown in virtual mailbox table\r\n"
            + "\r\n--"
            + boundary
            + "\r\n"
            + "Content-Description: Undelivered Message Headers\r\nContent-Type: text/rfc822-headers\r\n\r\n"
            + header("From", me)
            + header("To", display(s.contactName(), rcpt))
            + header("Subject", encoded(s.subject()))
            + header("Date", RFC_5322.format(now().minusMinutes(1)))
            + header("Message-ID", s.messageId())
            + "\r\n--"
            + boundary
            + "--\r\n";
    return new Reply("", me, raw.getBytes(StandardCharsets.UTF_8));
  }

  private ZonedDateTime now() {
    return ZonedDateTime.now(clock).withZoneSameInstant(ZoneId.of("UTC"));
  }

  private static String references(Sent s) {
    return s.inReplyTo() == null || s.inReplyTo().isBlank()
        ? s.messageId()
        : InboxStore.normalizeId(s.inReplyTo()) + " " + s.messageId();
  }

  private static String reSubject(String subject) {
    return subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
  }

  private static String newId(String addressOrDomain) {
    String domain = addressOrDomain.substring(addressOrDomain.indexOf('@') + 1);
    return "<" + UUID.randomUUID() + "@" + domain + ">";
  }

  private static String display(String name, String address) {
    String plain = name.replace("\\", "").replace("\"", "");
    return (plain.chars().allMatch(ch -> ch < 128) ? "\"" + plain + "\"" : encoded(plain))
        + " <"
        + address
        + ">";
  }

  private static String firstName(String name) {
    return name.strip().split("\\s+")[0];
  }

  private static String encoded(String text) {
    try {
      return jakarta.mail.internet.MimeUtility.encodeText(text, "UTF-8", "Q");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String header(String name, String value) {
    return name + ": " + value.replace("\r", "").replace("\n", " ") + "\r\n";
  }

  private static String crlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n");
  }
}
