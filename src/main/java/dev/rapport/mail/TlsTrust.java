package dev.rapport.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which server certificates a configured account accepts: those the JVM's trust store verifies, or,
 * with {@code imap.trust} / {@code smtp.trust}, exactly the one whose SHA-256 fingerprint is pinned
 * (a private server's or Proton Mail Bridge's own certificate). There is no "trust everything". A
 * refused certificate's fingerprint is kept, so the error can show the key that would pin it.
 */
public final class TlsTrust {
  private TlsTrust() {}

  /** A socket factory for the account's connections; {@code pin} null for the trust store. */
  public static Factory factory(String pin) {
    Checker checker = new Checker(pin == null ? null : normalizePin(pin));
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {checker}, null);
      return new Factory(context.getSocketFactory(), checker);
    } catch (GeneralSecurityException e) {
      throw new MailException("TLS is not available in this Java: " + e.getMessage(), e);
    }
  }

  /** The fingerprint of the certificate this factory last refused, if it refused one. */
  public static Optional<String> refused(SSLSocketFactory f) {
    return f instanceof Factory t ? Optional.ofNullable(t.checker.refused) : Optional.empty();
  }

  /** True when {@code f} accepts one pinned certificate (the host name check is then moot). */
  public static boolean pinned(SSLSocketFactory f) {
    return f instanceof Factory t && t.checker.pin != null;
  }

  /** "SHA256:AB:CD:…", upper-case pairs, as {@code trust:} takes it and errors show it. */
  public static String fingerprint(X509Certificate cert) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      return "SHA256:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  /**
   * A pin as written in the config ({@code sha256:ab:cd…}, colons optional) in the form {@link
   * #fingerprint} gives; throws IllegalArgumentException naming what is wrong.
   */
  public static String normalizePin(String pin) {
    String p = pin.strip();
    int colon = p.indexOf(':');
    if (colon < 0 || !p.substring(0, colon).replace("-", "").equalsIgnoreCase("sha256"))
      throw new IllegalArgumentException(
          "expected \"SHA256:\" and the certificate's fingerprint (64 hex digits), as doctor shows it");
    String hex = p.substring(colon + 1).replace(":", "").toUpperCase(Locale.ROOT);
    if (!hex.matches("[0-9A-F]{64}"))
      throw new IllegalArgumentException(
          "a SHA-256 fingerprint has 64 hex digits (32 pairs), but found " + hex.length());
    return "SHA256:"
        + HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
  }

  /** The trust store's verdict, or the pin's. */
  private static final class Checker implements X509TrustManager {
    final String pin;
    volatile String refused;
    private final X509TrustManager system;

    Checker(String pin) {
      this.pin = pin;
      this.system = systemTrust();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      if (chain == null || chain.length == 0) throw new CertificateException("no certificate");
      String seen = fingerprint(chain[0]);
      if (pin != null) {
        if (pin.equals(seen)) return;
        refused = seen;
        throw new CertificateException(
            "the server's certificate is not the pinned one (its fingerprint is " + seen + ")");
      }
      try {
        system.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        refused = seen;
        throw e;
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("rapport is never a TLS server for mail");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return pin != null ? new X509Certificate[0] : system.getAcceptedIssuers();
    }

    private static X509TrustManager systemTrust() {
      try {
        TrustManagerFactory f =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init((KeyStore) null);
        for (TrustManager m : f.getTrustManagers()) {
          if (m instanceof X509TrustManager x) return x;
        }
        throw new IllegalStateException("no X.509 trust manager in this Java");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JVM's trust store cannot be read", e);
      }
    }
  }

  /** The SSL socket factory Angus Mail is given; delegates every socket to the context's. */
  public static final class Factory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final Checker checker;

    private Factory(SSLSocketFactory delegate, Checker checker) {
      this.delegate = delegate;
      this.checker = checker;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
      return delegate.createSocket();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose)
        throws IOException {
      return delegate.createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return delegate.createSocket(address, port, localAddress, localPort);
    }
  }
}
