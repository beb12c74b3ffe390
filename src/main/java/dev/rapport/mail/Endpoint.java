package dev.rapport.mail;

import dev.rapport.config.Config.Security;
import java.util.Locale;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * One mail server and how to log in to it. The password is fetched only when connecting and is
 * never part of {@code toString}. {@code tls} is null for the JVM's own trust store (every real
 * account); tests of a private server give a socket factory trusting its self-signed certificate.
 * Host names are checked either way.
 */
public record Endpoint(
    String host,
    int port,
    Security security,
    String username,
    Supplier<String> password,
    SSLSocketFactory tls) {
  public Endpoint(
      String host, int port, Security security, String username, Supplier<String> password) {
    this(host, port, security, username, password, null);
  }

  public Endpoint {
    if (security == Security.NONE && !isLoopback(host)) {
      throw new MailException(
          "Plaintext mail (security: none) is allowed only to this machine (127.0.0.1 or localhost), not to "
              + host
              + "; use starttls or tls.");
    }
  }

  /** True for the names and addresses of this machine's loopback interface; decided without DNS. */
  public static boolean isLoopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    return h.equals("localhost")
        || h.matches("127(\\.\\d{1,3}){3}")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  @Override
  public String toString() {
    return username
        + "@"
        + host
        + ":"
        + port
        + " ("
        + security.name().toLowerCase(Locale.ROOT)
        + ")";
  }
}
