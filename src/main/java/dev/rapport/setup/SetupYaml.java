package dev.rapport.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The config file setup writes: the account, and comments saying where each setting came from and
 * what the provider's habits are. Values are double-quoted (JSON strings are valid YAML), so no
 * name or command can break the file.
 */
public final class SetupYaml {
  /** {@code pacing.max_per_day} setup writes: rapport's own default, under every provider's. */
  static final int MAX_PER_DAY = 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private SetupYaml() {}

  public static String render(Account a, LocalDate today) {
    StringBuilder y = new StringBuilder();
    y.append("# Written by 'rapport setup' on ")
        .append(today)
        .append(" for ")
        .append(a.email())
        .append("; servers from ")
        .append(a.found().how())
        .append(".\n");
    y.append("# config/rapport.example.yaml documents every key; no password is kept here.\n\n");
    y.append("me:\n");
    y.append("  name: ").append(q(a.name())).append('\n');
    y.append("  email: ").append(q(a.email())).append('\n');
    y.append('\n');
    y.append("smtp:\n");
    server(y, a.found().smtp(), a.found().smtpUser());
    signIn(y, a);
    if (a.smtpTrust() != null) y.append("  trust: ").append(q(a.smtpTrust())).append('\n');
    y.append('\n');
    y.append("imap:\n");
    server(y, a.found().imap(), a.found().imapUser());
    signIn(y, a);
    if (a.imapTrust() != null) y.append("  trust: ").append(q(a.imapTrust())).append('\n');
    y.append("  sent: ").append(a.sent());
    switch (a.sent()) {
      case "server" ->
          y.append(
              "  # "
                  + a.provider().map(Provider::name).orElse("the server")
                  + " files mail sent over SMTP in Sent itself: no second copy");
      case "auto" ->
          y.append(
              "  # after the first send rapport looks for it in Sent and copies"
                  + " only if the server did not file it");
      default -> y.append("  # rapport copies sent mail into the \\Sent folder");
    }
    y.append('\n');
    if (a.signIn() == Account.SignIn.OAUTH2) {
      y.append('\n');
      y.append("oauth2:\n");
      y.append("  provider: ").append(a.oauth2Provider()).append('\n');
      y.append("  client_id: ").append(q(a.clientId())).append('\n');
      if ("microsoft".equals(a.oauth2Provider())) y.append("  tenant: common\n");
      if (a.oauth2Issuer() != null) {
        y.append("  issuer: ")
            .append(q(a.oauth2Issuer()))
            .append("   # endpoints from its discovery document\n");
        if (!a.oauth2Scopes().isEmpty()) {
          y.append("  scopes: [");
          y.append(String.join(", ", a.oauth2Scopes().stream().map(SetupYaml::q).toList()));
          y.append("]\n");
        }
      }
    }
    y.append('\n');
    y.append("pacing:\n");
    y.append("  max_per_day: ").append(MAX_PER_DAY);
    a.provider()
        .flatMap(p -> p.dailyLimit().map(l -> p.name() + "'s own limit is about " + l + " a day"))
        .ifPresent(c -> y.append("  # ").append(c));
    y.append('\n');
    y.append("  timezone: ").append(q(a.zone().getId())).append('\n');
    return y.toString();
  }

  private static void server(StringBuilder y, Server s, String user) {
    y.append("  host: ").append(q(s.host())).append('\n');
    y.append("  port: ").append(s.port()).append('\n');
    y.append("  security: ").append(s.security().name().toLowerCase(Locale.ROOT)).append('\n');
    y.append("  username: ").append(q(user)).append('\n');
  }

  private static void signIn(StringBuilder y, Account a) {
    if (a.signIn() == Account.SignIn.OAUTH2) {
      y.append("  auth: oauth2\n");
    } else if (a.passwordEnv() != null) {
      y.append("  password_env: ").append(q(a.passwordEnv())).append('\n');
    } else {
      y.append("  password_command: ").append(q(a.passwordCommand())).append('\n');
    }
  }

  static String q(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
