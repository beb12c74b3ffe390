package dev.rapport.mail;

import dev.rapport.config.PasswordSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds a mail password: in an environment variable, or the first line a command prints (as
 * mbsync's PassCmd). Errors name the variable or the command's exit status, never what the command
 * printed: that could be the password.
 */
public final class PasswordResolver {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
  private final Map<String, String> env;

  public PasswordResolver(Map<String, String> env) {
    this.env = env;
  }

  /** Returns the password; {@code what} names it in errors ("the SMTP password"). */
  public String resolve(PasswordSource source, String what) {
    if (source.envVariable() != null) {
      String value = env.get(source.envVariable());
      if (value == null || value.isEmpty()) {
        throw new MailException(
            "The environment variable "
                + source.envVariable()
                + ", which should hold "
                + what
                + ", is not set.");
      }
      return value;
    }
    return runCommand(source.command(), what);
  }

  private static String runCommand(String command, String what) {
    String program = command.strip().split("\\s+")[0];
    Process process;
    try {
      process =
          new ProcessBuilder("sh", "-c", command)
              .redirectInput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (IOException e) {
      throw new MailException(
          "The password command for "
              + what
              + " ("
              + program
              + ") could not start: "
              + e.getMessage(),
          e);
    }
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new MailException(
            "The password command for "
                + what
                + " ("
                + program
                + ") did not finish within "
                + COMMAND_TIMEOUT.toSeconds()
                + " seconds.");
      }
      if (process.exitValue() != 0) {
        throw new MailException(
            "The password command for "
                + what
                + " ("
                + program
                + ") failed with exit status "
                + process.exitValue()
                + ".");
      }
      if (line == null || line.isEmpty()) {
        throw new MailException(
            "The password command for " + what + " (" + program + ") printed nothing.");
      }
      return line;
    } catch (IOException e) {
      throw new MailException(
          "Could not read the output of the password command for " + what + " (" + program + ").",
          e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new MailException(
          "Interrupted while running the password command for " + what + ".", e);
    }
  }
}
