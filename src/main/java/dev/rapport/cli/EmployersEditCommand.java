package dev.rapport.cli;

import dev.rapport.InvalidInputException;
import dev.rapport.employer.EmployerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code employers edit ID}: name, motivation, posting or note; a new name relinks contacts. */
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description = "Change an employer's name, motivation, posting or note.")
final class EmployersEditCommand extends AppCommand {
  @Parameters(paramLabel = "ID")
  long id;

  @Option(names = "--name", paramLabel = "NAME", description = "A new name (relinks contacts).")
  String name;

  @Option(names = "--motivation", paramLabel = "1-3", description = "3 a dream employer.")
  Integer motivation;

  @Option(
      names = "--posting",
      negatable = true,
      description = "A relevant posting is open there (--no-posting: no longer).")
  Boolean posting;

  @Option(names = "--note", paramLabel = "TEXT", description = "A new note (\"\" clears it).")
  String note;

  @Override
  public Integer call() {
    EmployersCommand.requireMethod(this);
    if (name == null && motivation == null && posting == null && note == null)
      throw new InvalidInputException(
          "Nothing to change: give --name, --motivation, --posting/--no-posting or --note.");
    EmployerService.Added a = app().employers().edit(id, name, motivation, posting, noteGiven());
    out()
        .printf(
            "Employer %d: %s, motivation %d%s; %d %s linked.%n",
            a.employer().id(),
            a.employer().name(),
            a.employer().motivation(),
            a.employer().posting() ? ", posting open" : "",
            a.linked(),
            a.linked() == 1 ? "contact" : "contacts");
    return 0;
  }

  /** {@code --note ""} clears the note; the service reads null as "unchanged". */
  private String noteGiven() {
    if (note == null) return null;
    return note.isBlank() ? " " : note;
  }
}
