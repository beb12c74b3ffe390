package dev.rapport.cli;

import dev.rapport.RapportException;
import dev.rapport.draft.DraftService;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code drafts reject}: PENDING or APPROVED → REJECTED. */
@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description = "Reject drafts (PENDING or APPROVED); they are never sent.")
final class DraftsRejectCommand extends AppCommand {
  @Parameters(paramLabel = "ID", arity = "1..*", description = "The drafts' ids.")
  List<Long> ids;

  @Override
  public Integer call() {
    DraftService drafts = app().drafts();
    int failed = 0;
    for (long id : ids) {
      try {
        out().println("Rejected " + DraftViews.line(drafts.reject(id)) + ".");
      } catch (RapportException e) {
        err().println(e.getMessage());
        failed++;
      }
    }
    return failed > 0 ? Cli.FAILED : 0;
  }
}
