package dev.rapport.doctor;

import dev.rapport.config.Config;
import dev.rapport.config.PasswordSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Says which configuration is in effect and whether the passwords it names can be found. */
public final class ConfigCheck {
  private ConfigCheck() {}

  public static List<Finding> run(Config config, Map<String, String> env) {
    List<Finding> out = new ArrayList<>();
    String from = config.source().map(p -> p.toString()).orElse("no config file");
    if (config.sandbox()) {
      out.add(
          Finding.ok(
              "config",
              from + ": sandbox mode, mail stays on this machine (embedded server on 127.0.0.1)"));
      return out;
    }
    out.add(
        Finding.ok(
            "config",
            from + ": sending as " + config.me().name() + " <" + config.me().email() + ">"));
    var mail = config.mail().orElseThrow();
    if (mail.smtp().password() != null)
      out.add(password("smtp password", mail.smtp().password(), env));
    if (mail.imap().password() != null)
      out.add(password("imap password", mail.imap().password(), env));
    Config.Pacing.Capped capped = config.pacing().cappedFrom();
    if (capped != null) {
      int limit = config.pacing().maxPerDay();
      out.add(
          Finding.warn(
              "pacing",
              "pacing.max_per_day is "
                  + capped.configured()
                  + ", more than "
                  + capped.provider()
                  + " lets an account send (about "
                  + limit
                  + " a day); past it the provider refuses mail or locks the account, so rapport"
                  + " sends at most "
                  + limit
                  + " a day",
              "set pacing.max_per_day to " + limit + " or less"));
    }
    return out;
  }

  private static Finding password(String check, PasswordSource source, Map<String, String> env) {
    if (source.envVariable() != null) {
      String value = env.get(source.envVariable());
      return value == null || value.isEmpty()
          ? Finding.fail(
              check,
              "the environment variable " + source.envVariable() + " is not set",
              "export "
                  + source.envVariable()
                  + "=… before starting rapport, or use password_command")
          : Finding.ok(check, "from the environment variable " + source.envVariable());
    }
    return Finding.ok(check, "from a command (run when rapport connects)");
  }
}
