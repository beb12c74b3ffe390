package dev.rapport.outbox;

import dev.rapport.config.Config;
import dev.rapport.daemon.SandboxMail;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailAccounts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the outbox sends and files copies: the configured account, or the sandbox on 127.0.0.1.
 * {@code readTimeout} overrides the SMTP read timeout (tests; null keeps the default).
 */
public record OutboxMail(Endpoint smtp, Endpoint imap, SentPolicy sent, Duration readTimeout) {

  public static OutboxMail configured(Config.Mail mail, Map<String, String> env) {
    return configured(mail, env, null);
  }

  /** {@code token} signs in to the servers configured with {@code auth: oauth2}. */
  public static OutboxMail configured(
      Config.Mail mail, Map<String, String> env, dev.rapport.mail.BearerToken token) {
    return configured(mail, env, token, null);
  }

  /**
   * With {@code dataFolder}, {@code sent: auto} remembers there whether the server files its own
   * copies ({@link SentHabit}); without, it copies like {@code append}.
   */
  public static OutboxMail configured(
      Config.Mail mail,
      Map<String, String> env,
      dev.rapport.mail.BearerToken token,
      Path dataFolder) {
    Endpoint imap = MailAccounts.imap(mail.imap(), env, token);
    SentHabit habit =
        dataFolder == null
            ? null
            : new SentHabit(dataFolder, imap.username() + "@" + imap.host() + ":" + imap.port());
    return new OutboxMail(
        MailAccounts.smtp(mail.smtp(), env, token),
        imap,
        SentPolicy.fromConfig(mail.imap().sent(), habit),
        null);
  }

  public static OutboxMail sandbox(SandboxMail.Ports ports, SandboxMail.Login login) {
    String password = login.password();
    return new OutboxMail(
        MailAccounts.sandbox(ports.smtp(), login.address(), () -> password),
        MailAccounts.sandbox(ports.imap(), login.address(), () -> password),
        SentPolicy.sandbox(),
        null);
  }

  public OutboxMail withReadTimeout(Duration timeout) {
    return new OutboxMail(smtp, imap, sent, timeout);
  }
}
