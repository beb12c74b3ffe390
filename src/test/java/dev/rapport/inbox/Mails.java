package dev.rapport.inbox;

import java.util.UUID;

/** Raw test messages as real mail systems write them. */
final class Mails {
  private Mails() {}

  static String newId() {
    return "<" + UUID.randomUUID() + "@mail.test>";
  }

  static String reply(String from, String inReplyTo, String subject, String text) {
    return "From: "
        + from
        + "\r\nTo: "
        + TestMailServer.ME
        + "\r\nSubject: "
        + subject
        + "\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
        + "Message-ID: "
        + newId()
        + "\r\n"
        + (inReplyTo == null
            ? ""
            : "In-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo + "\r\n")
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
        + text.replace("\n", "\r\n")
        + "\r\n";
  }

  static String plain(String from, String subject, String extraHeaders, String text) {
    return "From: "
        + from
        + "\r\nTo: "
        + TestMailServer.ME
        + "\r\nSubject: "
        + subject
        + "\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
        + "Message-ID: "
        + newId()
        + "\r\n"
        + extraHeaders
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
        + text.replace("\n", "\r\n")
        + "\r\n";
  }

  /** A DSN with one recipient; {@code status} 4.x.x delayed or 5.x.x failed. */
  static String dsn(String recipient, String originalId, String status) {
    boolean soft = status.startsWith("4");
    String b = "b-" + UUID.randomUUID();
    return "From: Mail Delivery System <MAILER-DAEMON@relay.test>\r\nTo: "
        + TestMailServer.ME
        + "\r\n"
        + "Subject: "
        + (soft ? "Delayed Mail (still being retried)" : "Undelivered Mail Returned to Sender")
        + "\r\n"
        + "Date: Mon, 2 Nov 2026 10:00:00 +0000\r\nMessage-ID: "
        + newId()
        + "\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\""
        + b
        + "\"\r\n\r\n"
        + "--"
        + b
        + "\r\nContent-Type: text/plain\r\n\r\n"
        + (soft ? "Delivery is delayed; still trying.\r\n" : "Delivery failed.\r\n")
        + "--"
        + b
        + "\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; relay.test\r\n\r\n"
        + "Final-Recipient: rfc822; "
        + recipient
        + "\r\nAction: "
        + (soft ? "delayed" : "failed")
        + "\r\nStatus: "
        + status
        + "\r\n"
        + "--"
        + b
        + "\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: "
        + TestMailServer.ME
        + "\r\nTo: "
        + recipient
        + "\r\n"
        + "Subject: Hello\r\nMessage-ID: "
        + originalId
        + "\r\n\r\n--"
        + b
        + "--\r\n";
  }

  /** An ARF feedback report (RFC 5965) about one of our messages. */
  static String complaint(String recipient, String originalId) {
    String b = "arf-" + UUID.randomUUID();
    return "From: Feedback Loop <fbl@isp.test>\r\nTo: "
        + TestMailServer.ME
        + "\r\nSubject: Abuse report\r\n"
        + "Date: Mon, 2 Nov 2026 10:00:00 +0000\r\nMessage-ID: "
        + newId()
        + "\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=feedback-report; boundary=\""
        + b
        + "\"\r\n\r\n"
        + "--"
        + b
        + "\r\nContent-Type: text/plain\r\n\r\nThis is an email abuse report.\r\n"
        + "--"
        + b
        + "\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nUser-Agent: isp/1.0\r\nVersion: 1\r\n"
        + "Original-Rcpt-To: "
        + recipient
        + "\r\n"
        + "--"
        + b
        + "\r\nContent-Type: message/rfc822\r\n\r\nFrom: "
        + TestMailServer.ME
        + "\r\nTo: "
        + recipient
        + "\r\n"
        + "Subject: Hello\r\nMessage-ID: "
        + originalId
        + "\r\n\r\nHello\r\n--"
        + b
        + "--\r\n";
  }
}
