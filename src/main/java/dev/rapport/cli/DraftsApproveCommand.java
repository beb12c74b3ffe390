package dev.rapport.cli;

import dev.rapport.RapportException;
import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftService;
import dev.rapport.draft.DraftStatus;
import dev.rapport.draft.Placeholders;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drafts approve}: PENDING → APPROVED, one by one or all at once. Nothing is sent here. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description =
        "Approve PENDING drafts for sending. Approving sends nothing by itself: approved drafts go out within the sending window, at the daily cap.")
final class DraftsApproveCommand extends AppCommand {
  @Parameters(paramLabel = "ID", arity = "0..*", description = "The drafts' ids.")
  List<Long> ids;

  @Option(names = "--all", description = "Approve every PENDING draft.")
  boolean all;

  @Override
  public Integer call() {
    boolean some = ids != null && !ids.isEmpty();
    if (all == some) {
      err()
          .println(
              all
                  ? "Give draft ids or --all, not both."
                  : "Give the ids of the drafts to approve, or --all.");
      spec.commandLine().usage(err());
      return Cli.USAGE;
    }
    DraftService drafts = app().drafts();
    if (all) {
      List<Draft> approved = drafts.approveAll();
      for (Draft d : approved) out().println("Approved " + DraftViews.line(d) + ".");
      List<Draft> held =
          drafts.list(Optional.of(DraftStatus.PENDING)).stream()
              .filter(d -> Placeholders.first(d.content()).isPresent())
              .toList();
      for (Draft d : held)
        out()
            .println(
                "Held "
                    + DraftViews.line(d)
                    + ": it has a placeholder for your own words; fill it in with 'drafts edit "
                    + d.id()
                    + "'.");
      out()
          .println(
              approved.isEmpty() && held.isEmpty()
                  ? "No drafts are waiting for review."
                  : "Approved "
                      + count(approved.size())
                      + (held.isEmpty() ? "" : "; " + count(held.size()) + " held")
                      + ".");
      return 0;
    }
    int approved = 0;
    int failed = 0;
    for (long id : ids) {
      try {
        out().println("Approved " + DraftViews.line(drafts.approve(id)) + ".");
        approved++;
      } catch (RapportException e) {
        err().println(e.getMessage());
        failed++;
      }
    }
    out()
        .println(
            "Approved "
                + count(approved)
                + (failed > 0 ? "; " + failed + " could not be approved." : "."));
    return failed > 0 ? Cli.FAILED : 0;
  }

  private static String count(int n) {
    return n + (n == 1 ? " draft" : " drafts");
  }
}
