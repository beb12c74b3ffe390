package dev.rapport.doctor;

import dev.rapport.config.Config;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailAccounts;
import dev.rapport.outbox.OutboxService;
import dev.rapport.outbox.SmtpLogin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Can the outbox log in to the SMTP server, and did every sent message get its copy in Sent? */
public final class OutboxCheck {
  private OutboxCheck() {}

  public static List<Finding> run(
      Config config, Map<String, String> env, Supplier<OutboxService> outbox) {
    return run(config, env, outbox, null);
  }

  /** {@code token} signs in when smtp.auth is oauth2. */
  public static List<Finding> run(
      Config config,
      Map<String, String> env,
      Supplier<OutboxService> outbox,
      dev.rapport.mail.BearerToken token) {
    List<Finding> out = new ArrayList<>();
    config.mail().ifPresent(mail -> smtp(mail.smtp(), env, token).ifPresent(out::add));
    try {
      long uncopied = outbox.get().uncopied();
      if (uncopied > 0) {
        out.add(
            Finding.warn(
                "sent copies",
                uncopied
                    + " sent message(s) have no copy in your Sent folder: none was marked \\Sent"
                    + " or named Sent, Sent Items or Sent Messages, or appending failed (see rapport.log)",
                "set imap.sent to the name of your Sent folder, or to none if your server files sent mail itself"));
      }
    } catch (RuntimeException e) {
      // the database check reports an unreadable database
    }
    return out;
  }

  /** Nothing when the password cannot be found: the password check already says so. */
  public static Optional<Finding> smtp(Config.Smtp smtp, Map<String, String> env) {
    return smtp(smtp, env, null);
  }

  public static Optional<Finding> smtp(
      Config.Smtp smtp, Map<String, String> env, dev.rapport.mail.BearerToken token) {
    if (smtp.password() != null
        && smtp.password().envVariable() != null
        && (env.get(smtp.password().envVariable()) == null
            || env.get(smtp.password().envVariable()).isEmpty())) {
      return Optional.empty();
    }
    Endpoint e = MailAccounts.smtp(smtp, env, token);
    Optional<String> problem = SmtpLogin.problem(e);
    if (problem.isEmpty()) return Optional.of(Finding.ok("smtp login", "logged in to " + e));
    String p = problem.get();
    Optional<Finding> cert = CertificateAdvice.of("smtp login", e, "smtp", p);
    if (cert.isPresent()) return cert;
    return Optional.of(Finding.fail("smtp login", p, smtpFix(p, e)));
  }

  static String smtpFix(String p, Endpoint e) {
    String fix;
    if (p.contains("DNS"))
      fix = "check smtp.host: " + e.host() + " is not a name this machine can resolve";
    else if (p.contains("TLS"))
      fix = "check smtp.security and smtp.port (usually starttls on 587, tls on 465)";
    else if (p.contains(dev.rapport.mail.SignInRequired.ADVICE) || p.contains("OAuth2"))
      fix = "rapport login signs in again; check the oauth2 section";
    else if (p.contains("login"))
      fix = "check smtp.username and the password your password_env or password_command gives";
    else if (p.contains("did not answer") && e.security() != Config.Security.TLS)
      // A TLS port (465) waits for the client's TLS hello while the client waits for a greeting.
      fix =
          "the server said nothing: port "
              + e.port()
              + " may expect TLS from the first byte; try smtp.security: tls (usually on 465),"
              + " or starttls on 587";
    else fix = "check smtp.host and smtp.port, and that this machine may reach them";
    return fix;
  }
}
