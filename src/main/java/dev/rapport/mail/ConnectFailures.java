package dev.rapport.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Why a connection to a mail server failed, in one sentence a user can act on: DNS, a refused
 * connection, a timeout, TLS, or the login. Never includes the password.
 */
public final class ConnectFailures {
  private ConnectFailures() {}

  /** {@code server} names the server in the sentence: "SMTP" or "IMAP". */
  public static String describe(MessagingException e, String server) {
    Throwable root = rootCause(e);
    String the = "the " + server + " server";
    if (e instanceof AuthenticationFailedException)
      return the + " refused the login" + detail(e.getMessage());
    if (root instanceof UnknownHostException)
      return the + "'s name could not be resolved (DNS): " + root.getMessage();
    if (root instanceof ConnectException)
      return the + " refused the connection" + detail(root.getMessage());
    if (root instanceof SocketTimeoutException)
      return the + " did not answer in time" + detail(root.getMessage());
    if (inChain(e, SSLException.class)
        || inChain(e, java.security.GeneralSecurityException.class)
        || String.valueOf(e.getMessage()).contains("STARTTLS")) {
      return "TLS with "
          + the
          + " failed (certificate, host name or STARTTLS): "
          + root.getMessage();
    }
    String m = e.getMessage();
    return "could not connect to "
        + the
        + ": "
        + (root == e || root.getMessage() == null ? m : m + ": " + root);
  }

  private static boolean inChain(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (type.isInstance(t)) return true;
    }
    return false;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    for (Throwable n = next(t); n != null; n = next(t)) t = n;
    return t;
  }

  private static Throwable next(Throwable t) {
    Throwable n =
        t instanceof MessagingException m && m.getNextException() != null
            ? m.getNextException()
            : t.getCause();
    return n == t ? null : n;
  }

  private static String detail(String s) {
    return s == null || s.isBlank() ? "" : " (" + s.strip() + ")";
  }
}
