package dev.rapport.cli;

import dev.rapport.employer.EmployerDetails;
import dev.rapport.employer.EmployerSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code employers show ID}: the employer, the contacts there with their stage and boosters. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Show an employer with the contacts there (stage, boosters) and the 3B7 suggestion.")
final class EmployersShowCommand extends AppCommand {
  @Parameters(paramLabel = "ID")
  long id;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    EmployersCommand.requireMethod(this);
    EmployerDetails d = app().employers().show(id);
    if (json) {
      printJson(d);
      return 0;
    }
    EmployerSummary e = d.employer();
    out().printf("%s  (employer %d)%n", e.name(), e.id());
    out()
        .printf(
            "  motivation %d of 3%s%s%n",
            e.motivation(),
            e.posting() ? " · posting open" : "",
            e.advocacy() ? " · someone there has answered" : "");
    if (e.note() != null) out().println("  " + e.note());
    out()
        .printf(
            "  %d contacts, %d written to, %d replies, %d interviews, %d boosters%n",
            e.contacts(), e.contacted(), e.replies(), e.interviews(), e.boosters());
    if (d.secondContact() != null) out().println("  3B7: " + d.secondContact().text());
    out().println();
    if (d.contacts().isEmpty()) {
      out()
          .println(
              "Nobody among your contacts works there yet: add them with 'contacts add --company \""
                  + e.name()
                  + "\"'.");
      return 0;
    }
    TextTable table = new TextTable(40, "ID", "NAME", "ROLE", "STAGE", "BOOSTER");
    for (EmployerDetails.Person p : d.contacts())
      table.row(p.id(), p.name(), p.role(), p.stage(), p.booster() ? "booster" : "");
    table.print(out());
    return 0;
  }
}
