package dev.rapport.outbox;

import dev.rapport.mail.Backoff;
import dev.rapport.mail.ConnectFailures;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailLogin;
import dev.rapport.mail.MailSessions;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP connection, opened on first use and reused for a whole batch. Each send knows how far
 * the exchange got (envelope, message content, final "."), because that alone decides whether a
 * failure may be retried (RFC 5321 §4.1.1.4: the message is the server's only once it has answered
 * the final "." with 250).
 */
final class SmtpSession implements AutoCloseable {
  private final Endpoint endpoint;
  private final Session session;
  private PhasedTransport transport;

  SmtpSession(Endpoint endpoint, Duration readTimeout) {
    this.endpoint = endpoint;
    this.session = MailSessions.smtp(endpoint);
    if (readTimeout != null) {
      session
          .getProperties()
          .put(
              "mail." + MailSessions.smtpProtocol(endpoint) + ".timeout",
              String.valueOf(readTimeout.toMillis()));
    }
  }

  Session session() {
    return session;
  }

  /**
   * Sends one message to its To recipients over the open connection (connecting first if needed).
   */
  SendOutcome send(MimeMessage message) {
    if (transport == null || !transport.isConnected()) {
      closeQuietly();
      try {
        transport = connect();
      } catch (MessagingException e) {
        return SendOutcome.unreachable(describeConnectFailure(e), Backoff.loginRefused(e));
      } catch (dev.rapport.RapportException e) {
        // No password or access token to log in with (a sign-in to renew, a command that
        // failed): the account's trouble, nothing was sent.
        return SendOutcome.unreachable(e.getMessage(), Backoff.loginRefused(e));
      }
    }
    PhasedTransport t = transport;
    t.phase = Phase.ENVELOPE;
    try {
      Address[] to = message.getAllRecipients();
      t.sendMessage(message, to);
      return SendOutcome.delivered(strip(t.getLastServerResponse()));
    } catch (MessagingException e) {
      SendOutcome outcome = classify(e, t.phase);
      if (outcome.kind() != SendOutcome.Kind.FAILED || !t.isConnected()) closeQuietly();
      return outcome;
    }
  }

  static SendOutcome classify(MessagingException e, Phase phase) {
    int code = returnCode(e);
    String said = serverSaid(e);
    // The provider asking to slow down is the account's state, not the draft's fault: the whole
    // outbox backs off and no attempt is spent (Gmail's 421 4.7.0 "try again later", 451/452).
    if (code >= 400 && code < 500 && throttling(code, said))
      return SendOutcome.unreachable("the server asks to slow down: " + said, false);
    if (phase == Phase.FINAL_DOT) {
      // Only a clear refusal of the message itself means it was not taken.
      if (code >= 500 && code < 600) return SendOutcome.failed(said);
      if (code >= 400 && code < 500) return SendOutcome.retry(said);
      return SendOutcome.uncertain("no answer to the end of the message (" + describe(e) + ")");
    }
    if (code >= 500 && code < 600) return SendOutcome.failed(said);
    if (code >= 400 && code < 500) return SendOutcome.retry(said);
    return SendOutcome.retry(describe(e));
  }

  /** Codes and words providers use for "too much, too fast; come back later". */
  static boolean throttling(int code, String said) {
    if (code == 421 || code == 450 || code == 451 || code == 452 || code == 454) return true;
    String s = said.toLowerCase(java.util.Locale.ROOT);
    return s.contains("try again later")
        || s.contains("rate limit")
        || s.contains("too many")
        || s.contains("throttl");
  }

  private PhasedTransport connect() throws MessagingException {
    String protocol = MailSessions.smtpProtocol(endpoint);
    URLName url =
        new URLName(protocol, endpoint.host(), endpoint.port(), null, endpoint.username(), null);
    PhasedTransport t = new PhasedTransport(session, url, protocol, "smtps".equals(protocol));
    MailLogin.connect(t, endpoint);
    return t;
  }

  /** DNS, refused connection, TLS, login: named plainly, without the password. */
  static String describeConnectFailure(MessagingException e) {
    return ConnectFailures.describe(e, "SMTP");
  }

  private static int returnCode(MessagingException e) {
    for (Exception x = e;
        x != null;
        x = x instanceof MessagingException m ? m.getNextException() : null) {
      if (x instanceof SMTPSendFailedException s) return s.getReturnCode();
      if (x instanceof SMTPAddressFailedException a) return a.getReturnCode();
    }
    return -1;
  }

  private static String serverSaid(MessagingException e) {
    for (Exception x = e;
        x != null;
        x = x instanceof MessagingException m ? m.getNextException() : null) {
      if (x instanceof SMTPAddressFailedException a) return strip(a.getMessage());
      if (x instanceof SMTPSendFailedException s && s.getNextException() == null)
        return strip(s.getMessage());
    }
    return strip(e.getMessage());
  }

  private static String describe(Throwable e) {
    Throwable root = rootCause(e);
    String m = e.getMessage();
    return root == e || root.getMessage() == null
        ? strip(m)
        : strip(m) + ": " + strip(root.toString());
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (true) {
      Throwable next =
          t instanceof MessagingException m && m.getNextException() != null
              ? m.getNextException()
              : t.getCause();
      if (next == null || next == t) return t;
      t = next;
    }
  }

  private static String strip(String s) {
    return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").strip();
  }

  void closeQuietly() {
    if (transport == null) return;
    try {
      transport.close();
    } catch (MessagingException e) {
      // the connection is gone either way
    }
    transport = null;
  }

  @Override
  public void close() {
    closeQuietly();
  }

  /** How far one exchange got. */
  enum Phase {
    ENVELOPE,
    CONTENT,
    FINAL_DOT
  }

  /** Angus's SMTP transport, noting when DATA was accepted and when the final "." goes out. */
  static final class PhasedTransport extends SMTPTransport {
    volatile Phase phase = Phase.ENVELOPE;

    PhasedTransport(Session session, URLName url, String name, boolean ssl) {
      super(session, url, name, ssl);
    }

    @Override
    protected OutputStream data() throws MessagingException {
      OutputStream out = super.data();
      phase = Phase.CONTENT;
      return out;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
      phase = Phase.FINAL_DOT;
      super.finishData();
    }

    @Override
    protected OutputStream bdat() throws MessagingException {
      OutputStream out = super.bdat();
      phase = Phase.CONTENT;
      return out;
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
      phase = Phase.FINAL_DOT;
      super.finishBdat();
    }
  }
}
