package dev.rapport.cli;

import dev.rapport.employer.EmployerSummary;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code employers list}: by motivation, then open posting, then advocacy. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List target employers: by motivation, then open posting, then advocacy (someone there answered).")
final class EmployersListCommand extends AppCommand {
  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    EmployersCommand.requireMethod(this);
    List<EmployerSummary> all = app().employers().list();
    if (json) {
      printJson(all);
      return 0;
    }
    if (all.isEmpty()) {
      out()
          .println(
              "No employers yet. Add one with 'employers add NAME [--motivation 1-3] [--posting]'.");
      return 0;
    }
    TextTable table =
        new TextTable(
            40, "ID", "EMPLOYER", "MOTIVATION", "POSTING", "ADVOCACY", "CONTACTS", "REPLIES");
    for (EmployerSummary e : all)
      table.row(
          e.id(),
          e.name(),
          EmployersCommand.motivation(e.motivation()),
          e.posting() ? "yes" : "",
          e.advocacy() ? "yes" : "",
          e.contacts(),
          e.replies());
    table.print(out());
    return 0;
  }
}
