package dev.rapport.setup;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything setup decided, from which it writes the config. Holds where the password comes from
 * (an environment variable or a command), never the password.
 *
 * @param signIn how rapport signs in: a password from {@code passwordEnv} / {@code
 *     passwordCommand}, or OAuth2 with {@code oauth2Provider} and {@code clientId}
 * @param sent the {@code imap.sent} value: server, append or auto
 * @param imapTrust a pinned certificate for IMAP, or null
 * @param smtpTrust a pinned certificate for SMTP, or null
 * @param oauth2Issuer for a server rapport knows no preset for ({@code oauth2.provider: custom}):
 *     the issuer its endpoints are discovered from
 * @param oauth2Scopes the scopes to ask for there (empty: offline_access, if offered)
 */
public record Account(
    String name,
    String email,
    Found found,
    SignIn signIn,
    String passwordEnv,
    String passwordCommand,
    String oauth2Provider,
    String clientId,
    String sent,
    String imapTrust,
    String smtpTrust,
    ZoneId zone,
    String oauth2Issuer,
    List<String> oauth2Scopes) {

  /** An account signed in with a password from {@code passwordEnv} or {@code passwordCommand}. */
  public static Account password(
      String name,
      String email,
      Found found,
      String passwordEnv,
      String passwordCommand,
      String sent,
      ZoneId zone) {
    return new Account(
        name,
        email,
        found,
        SignIn.PASSWORD,
        passwordEnv,
        passwordCommand,
        null,
        null,
        sent,
        null,
        null,
        zone,
        null,
        List.of());
  }

  /**
   * An account signed in with OAuth2 at {@code provider}; {@code issuer} and {@code scopes} only
   * for a server without a preset ({@code custom}).
   */
  public static Account oauth2(
      String name,
      String email,
      Found found,
      String provider,
      String clientId,
      String sent,
      ZoneId zone,
      String issuer,
      List<String> scopes) {
    return new Account(
        name,
        email,
        found,
        SignIn.OAUTH2,
        null,
        null,
        provider,
        clientId,
        sent,
        null,
        null,
        zone,
        issuer,
        scopes);
  }

  /** How rapport will sign in. */
  public enum SignIn {
    PASSWORD,
    OAUTH2
  }

  public Optional<Provider> provider() {
    return found.provider();
  }

  public Account withTrust(String imap, String smtp) {
    return new Account(
        name,
        email,
        found,
        signIn,
        passwordEnv,
        passwordCommand,
        oauth2Provider,
        clientId,
        sent,
        imap,
        smtp,
        zone,
        oauth2Issuer,
        oauth2Scopes);
  }

  /** What {@code imap.sent} should be for a provider: it files Sent itself, or find out. */
  public static String sentFor(Optional<Provider> p) {
    if (p.isEmpty() || p.get().serverFilesSent() == null) return "auto";
    return p.get().serverFilesSent() ? "server" : "append";
  }
}
