package dev.rapport.outbox;

import dev.rapport.RapportException;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailLogin;
import dev.rapport.mail.MailSessions;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.util.Optional;

/** Logs in to an SMTP server and out again, saying plainly what went wrong: for {@code doctor}. */
public final class SmtpLogin {
  private SmtpLogin() {}

  /**
   * Empty when the login worked; otherwise one sentence (DNS, refused, TLS, login), never the
   * password.
   */
  public static Optional<String> problem(Endpoint endpoint) {
    String protocol = MailSessions.smtpProtocol(endpoint);
    try (Transport t =
        MailSessions.forCheck(MailSessions.smtp(endpoint), protocol).getTransport(protocol)) {
      MailLogin.connect(t, endpoint);
      return Optional.empty();
    } catch (MessagingException e) {
      return Optional.of(SmtpSession.describeConnectFailure(e));
    } catch (RapportException e) {
      return Optional.of(e.getMessage());
    }
  }
}
