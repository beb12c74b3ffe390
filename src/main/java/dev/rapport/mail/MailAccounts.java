package dev.rapport.mail;

import dev.rapport.config.Config;
import dev.rapport.config.Config.Security;
import java.util.Map;
import java.util.function.Supplier;

/** The SMTP and IMAP endpoints of the user's configured account. */
public final class MailAccounts {
  private MailAccounts() {}

  public static Endpoint smtp(Config.Smtp s, Map<String, String> env) {
    return new Endpoint(
        s.host(),
        s.port(),
        s.security(),
        s.username(),
        lazy(s.password(), env, "the SMTP password"),
        s.security() == Security.NONE ? null : TlsTrust.factory(s.trust()));
  }

  public static Endpoint imap(Config.Imap i, Map<String, String> env) {
    return new Endpoint(
        i.host(),
        i.port(),
        i.security(),
        i.username(),
        lazy(i.password(), env, "the IMAP password"),
        i.security() == Security.NONE ? null : TlsTrust.factory(i.trust()));
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
