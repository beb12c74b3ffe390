package dev.rapport.mail;

import dev.rapport.config.Config.Security;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;

/**
 * Jakarta Mail sessions with what Angus Mail leaves out by default: connect, read and write
 * timeouts on every connection; STARTTLS required when chosen (never a silent fall-back to
 * plaintext); certificates and host names checked; IMAP reads that never set \Seen.
 */
public final class MailSessions {
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);

  /**
   * How long {@code doctor} and {@code setup} wait for any answer: a TLS-only port configured as
   * starttls never sends the plaintext greeting the client waits for, and saying so within seconds
   * beats the daemon's minute.
   */
  public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(6);

  static {
    StreamProviderPin.pin(); // every session made here, also where Main did not run (tests)
  }

  private MailSessions() {}

  /** The same session with {@link #CHECK_TIMEOUT} for connecting and for every read. */
  public static Session forCheck(Session session, String protocol) {
    Properties props = session.getProperties();
    props.put("mail." + protocol + ".connectiontimeout", String.valueOf(CHECK_TIMEOUT.toMillis()));
    props.put("mail." + protocol + ".timeout", String.valueOf(CHECK_TIMEOUT.toMillis()));
    return session;
  }

  /** The transport protocol name for an endpoint: smtps for implicit TLS, smtp otherwise. */
  public static String smtpProtocol(Endpoint e) {
    return e.security() == Security.TLS ? "smtps" : "smtp";
  }

  /** The store protocol name for an endpoint: imaps for implicit TLS, imap otherwise. */
  public static String imapProtocol(Endpoint e) {
    return e.security() == Security.TLS ? "imaps" : "imap";
  }

  public static Session smtp(Endpoint e) {
    String p = smtpProtocol(e);
    Properties props = common(p, e);
    props.put("mail.transport.protocol", p);
    props.put("mail." + p + ".auth", "true");
    return Session.getInstance(props);
  }

  public static Session imap(Endpoint e) {
    String p = imapProtocol(e);
    Properties props = common(p, e);
    props.put("mail.store.protocol", p);
    // Reading must never mark the user's mail as read.
    props.put("mail." + p + ".peek", "true");
    return Session.getInstance(props);
  }

  /**
   * Sign in with the access token only, never as a password: XOAUTH2 is built into Angus Mail;
   * OAUTHBEARER (RFC 7628) goes through SASL with our own client, XOAUTH2 as the fall-back.
   */
  private static void bearer(Properties props, String p, String mechanism) {
    props.put("mail." + p + ".auth.mechanisms", "XOAUTH2");
    if (mechanism.equals(OAuthBearerSasl.MECHANISM)) {
      OAuthBearerSasl.install();
      props.put("mail." + p + ".sasl.enable", "true");
      props.put("mail." + p + ".sasl.mechanisms", OAuthBearerSasl.MECHANISM);
    }
  }

  private static Properties common(String p, Endpoint e) {
    Properties props = new Properties();
    props.put("mail." + p + ".host", e.host());
    props.put("mail." + p + ".port", String.valueOf(e.port()));
    props.put("mail." + p + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
    props.put("mail." + p + ".timeout", String.valueOf(READ_TIMEOUT.toMillis()));
    props.put("mail." + p + ".writetimeout", String.valueOf(WRITE_TIMEOUT.toMillis()));
    // Nagle's algorithm off: each command leaves at once (see NoDelaySockets).
    props.put("mail." + p + ".socketFactory", NoDelaySockets.INSTANCE);
    switch (e.security()) {
      case STARTTLS -> {
        props.put("mail." + p + ".starttls.enable", "true");
        props.put("mail." + p + ".starttls.required", "true");
        props.put("mail." + p + ".ssl.checkserveridentity", "true");
      }
      case TLS -> {
        props.put("mail." + p + ".ssl.enable", "true");
        props.put("mail." + p + ".ssl.checkserveridentity", "true");
      }
      case NONE -> {
        // Loopback only; Endpoint refuses anything else.
      }
    }
    if (e.password() instanceof BearerToken token) bearer(props, p, token.mechanism());
    if (e.tls() != null && e.security() != Security.NONE) {
      props.put("mail." + p + ".ssl.socketFactory", e.tls());
      // A pinned certificate is the server's identity: its name may well not match (a bridge on
      // 127.0.0.1 whose certificate says localhost).
      if (TlsTrust.pinned(e.tls())) props.put("mail." + p + ".ssl.checkserveridentity", "false");
    }
    return props;
  }
}
