package dev.rapport.cli;

import dev.rapport.RapportException;
import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftService;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outreach}: a PENDING outreach draft per contact, each handled on its own. */
@Command(
    name = "outreach",
    mixinStandardHelpOptions = true,
    description = {
      "Draft an OUTREACH email for each contact from the templates; each waits as PENDING for your review.",
      "A contact gets no second outreach draft while one is pending, approved or being sent."
    })
final class OutreachCommand extends AppCommand {
  @Parameters(paramLabel = "ID", arity = "1..*", description = "The contacts' ids.")
  List<Long> ids;

  @Option(
      names = "--force",
      description =
          "Draft even for a contact who is past NEW or was already sent outreach (never beside a draft still pending or approved).")
  boolean force;

  @Override
  public Integer call() {
    DraftService drafts = app().drafts();
    int made = 0;
    int failed = 0;
    for (long id : ids) {
      try {
        Draft d = drafts.outreach(id, force);
        made++;
        out().printf("Drafted %s for contact %d from %s.%n", DraftViews.line(d), id, d.template());
      } catch (RapportException e) {
        failed++;
        err().println(e.getMessage());
      }
    }
    if (ids.size() > 1) {
      out().printf("%d draft%s made, %d failed.%n", made, made == 1 ? "" : "s", failed);
    }
    if (made > 0) {
      out().println("Review with 'drafts show ID' or 'drafts edit ID', then 'drafts approve ID'.");
    }
    return failed > 0 ? Cli.FAILED : 0;
  }
}
