package dev.rapport.inbox;

import dev.rapport.mail.MailException;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;

/** Hands a message to the sandbox's SMTP server on 127.0.0.1, byte for byte as written. */
public final class SandboxDelivery {
  private SandboxDelivery() {}

  public static void deliver(int smtpPort, SandboxReplies.Reply reply) {
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(smtpPort));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put(
        "mail.smtp.from", reply.envelopeFrom()); // "" is the null sender of a bounce: MAIL FROM:<>
    Session session = Session.getInstance(p);
    try (Transport t = session.getTransport("smtp")) {
      MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(reply.raw()));
      t.connect();
      // sendMessage, not Transport.send: that would rewrite the Message-ID and headers.
      t.sendMessage(m, new Address[] {new InternetAddress(reply.to())});
    } catch (MessagingException e) {
      throw new MailException(
          "The sandbox mail server on 127.0.0.1:"
              + smtpPort
              + " did not take the message: "
              + e.getMessage(),
          e);
    }
  }
}
