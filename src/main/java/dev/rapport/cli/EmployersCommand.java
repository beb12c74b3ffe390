package dev.rapport.cli;

import dev.rapport.InvalidInputException;
import picocli.CommandLine.Command;

/** {@code employers}: target employers, with {@code method: two-hour}. */
@Command(
    name = "employers",
    mixinStandardHelpOptions = true,
    description =
        "Target employers (method: two-hour): contacts are linked by company; the list is ordered by motivation, then open posting, then advocacy (someone there has answered).",
    subcommands = {
      EmployersAddCommand.class,
      EmployersListCommand.class,
      EmployersShowCommand.class,
      EmployersEditCommand.class
    })
final class EmployersCommand {
  private EmployersCommand() {}

  /** Employers are part of the method: with it off, the commands say how to turn it on. */
  static void requireMethod(AppCommand cmd) {
    if (!cmd.app().config().twoHour())
      throw new InvalidInputException(
          "Employers are part of the two-hour method, which is off. Turn it on with"
              + " 'method: two-hour' in the config file.");
  }

  static String motivation(int m) {
    return "*".repeat(m);
  }
}
