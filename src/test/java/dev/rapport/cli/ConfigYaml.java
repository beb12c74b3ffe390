package dev.rapport.cli;

/** Config files for CLI tests. */
final class ConfigYaml {
  private ConfigYaml() {}

  static final String ACCOUNT =
      """
      me: {name: Ada Example, email: ada@example.org}
      smtp: {host: smtp.example.org, username: ada, password_env: SMTP_PW}
      imap: {host: imap.example.org, username: ada, password_env: IMAP_PW}
      """;
}
