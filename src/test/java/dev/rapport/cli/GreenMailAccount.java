package dev.rapport.cli;

import dev.rapport.template.DefaultTemplates;
import dev.rapport.testing.RapportMail;
import java.nio.file.Path;

/**
 * A user's mail account on a GreenMail (SMTP and IMAP on loopback), and a rapport config using it
 * with the default templates: for commands that send and read mail, like {@code sync}.
 */
final class GreenMailAccount {
  static final String ME = "sam@example.org";
  static final String PASSWORD = "pw";

  private GreenMailAccount() {}

  /** A fresh server for each test, holding the user's mailbox. */
  static RapportMail server() {
    return RapportMail.account(ME, PASSWORD);
  }

  /**
   * A runner on {@code dir/data} with a config for the account, pacing in Europe/Berlin, and {@code
   * more} YAML lines appended (e.g. {@code "digest: {enabled: false}"}).
   */
  static CliRunner runner(Path dir, RapportMail mail, String more) {
    Path templates = DefaultTemplates.copyTo(dir.resolve("templates"));
    Path config = dir.resolve("rapport.yaml");
    DraftsFixture.write(
        config,
        """
        me: {name: Sam Rivera, email: %s, signature: Sam}
        smtp: {host: 127.0.0.1, port: %d, security: none, username: %s, password_env: PW}
        imap: {host: 127.0.0.1, port: %d, security: none, username: %s, password_env: PW, idle: false}
        templates: "%s"
        %s
        """
            .formatted(ME, mail.smtpPort(), ME, mail.imapPort(), ME, templates, more));
    return new CliRunner(dir.resolve("data"), config).env("PW", PASSWORD);
  }
}
