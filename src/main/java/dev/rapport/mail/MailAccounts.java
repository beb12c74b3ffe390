package dev.rapport.mail;

import dev.rapport.config.Config;
import dev.rapport.config.Config.Security;
import java.util.Map;
import java.util.function.Supplier;

/** The SMTP and IMAP endpoints of the user's configured account. */
public final class MailAccounts {
  private MailAccounts() {}

  public static Endpoint smtp(Config.Smtp s, Map<String, String> env) {
    return smtp(s, env, null);
  }

  /** {@code token} signs in when the server is configured with {@code auth: oauth2}. */
  public static Endpoint smtp(Config.Smtp s, Map<String, String> env, BearerToken token) {
    return new Endpoint(
        s.host(),
        s.port(),
        s.security(),
        s.username(),
        s.auth() == Config.Auth.OAUTH2
            ? required(token, "smtp")
            : lazy(s.password(), env, "the SMTP password"),
        s.security() == Security.NONE ? null : TlsTrust.factory(s.trust()));
  }

  public static Endpoint imap(Config.Imap i, Map<String, String> env) {
    return imap(i, env, null);
  }

  /** {@code token} signs in when the server is configured with {@code auth: oauth2}. */
  public static Endpoint imap(Config.Imap i, Map<String, String> env, BearerToken token) {
    return new Endpoint(
        i.host(),
        i.port(),
        i.security(),
        i.username(),
        i.auth() == Config.Auth.OAUTH2
            ? required(token, "imap")
            : lazy(i.password(), env, "the IMAP password"),
        i.security() == Security.NONE ? null : TlsTrust.factory(i.trust()));
  }

  private static BearerToken required(BearerToken token, String server) {
    if (token == null)
      throw new MailException(server + ".auth is oauth2 but the oauth2 section is missing.");
    return token;
  }

  /** A loopback endpoint without TLS, for the sandbox. */
  public static Endpoint sandbox(int port, String username, Supplier<String> password) {
    return new Endpoint("127.0.0.1", port, Security.NONE, username, password);
  }

  private static Supplier<String> lazy(
      dev.rapport.config.PasswordSource source, Map<String, String> env, String what) {
    PasswordResolver resolver = new PasswordResolver(env);
    return () -> resolver.resolve(source, what);
  }
}
