package dev.rapport.config;

/**
 * Where a mail password comes from: an environment variable or a command that prints it (as
 * mbsync's PassCmd). Holds only the reference, never the password, so it is safe to print.
 */
public record PasswordSource(String envVariable, String command) {
  public PasswordSource {
    if ((envVariable == null) == (command == null)) {
      throw new IllegalArgumentException(
          "exactly one of password_env and password_command is needed");
    }
  }

  @Override
  public String toString() {
    return envVariable != null
        ? "env " + envVariable
        : "command (" + command.split("\\s+")[0] + " …)";
  }
}
