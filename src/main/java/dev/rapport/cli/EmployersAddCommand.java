package dev.rapport.cli;

import dev.rapport.employer.EmployerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code employers add NAME}: a target employer; contacts at that company are linked to it. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description =
        "Add a target employer; prints its id. Contacts whose company matches are linked.")
final class EmployersAddCommand extends AppCommand {
  @Parameters(paramLabel = "NAME", description = "The employer's name, as contacts' company.")
  String name;

  @Option(
      names = "--motivation",
      paramLabel = "1-3",
      description =
          "How much you want to work there: 3 a dream employer, 1 worth a look (default 2).")
  Integer motivation;

  @Option(names = "--posting", description = "A relevant job posting is open there.")
  boolean posting;

  @Option(names = "--note", paramLabel = "TEXT", description = "A note.")
  String note;

  @Override
  public Integer call() {
    EmployersCommand.requireMethod(this);
    EmployerService.Added a = app().employers().add(name, motivation, posting, note);
    out().println(a.employer().id());
    err()
        .println(
            "Added employer "
                + a.employer().name()
                + "; "
                + a.linked()
                + (a.linked() == 1 ? " contact" : " contacts")
                + " linked by company.");
    return 0;
  }
}
