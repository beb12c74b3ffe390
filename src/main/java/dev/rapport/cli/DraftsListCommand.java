package dev.rapport.cli;

import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftStatus;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drafts list}: drafts waiting for review first, then the others. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List drafts, those waiting for review (PENDING) first.")
final class DraftsListCommand extends AppCommand {
  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only drafts in this status (PENDING, APPROVED, SENT, …).")
  String status;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    Optional<DraftStatus> filter = Optional.ofNullable(status).map(DraftStatus::parse);
    List<Draft> drafts = app().drafts().list(filter);
    if (json) {
      printJson(drafts.stream().map(d -> DraftViews.of(d, this)).toList());
      return 0;
    }
    if (drafts.isEmpty()) {
      out()
          .println(
              filter.isPresent()
                  ? "No " + filter.get() + " drafts."
                  : "No drafts yet. Draft outreach with 'outreach ID...'.");
      return 0;
    }
    TextTable table = new TextTable(50, "ID", "STATUS", "KIND", "TO", "SUBJECT", "CREATED");
    for (Draft d : drafts)
      table.row(
          d.id(),
          d.status(),
          d.kind(),
          d.byHand() ? "(" + d.channel().label() + ", by hand)" : d.to(),
          d.subject(),
          shown(d.createdAt()));
    table.print(out());
    long pending = drafts.stream().filter(d -> d.status() == DraftStatus.PENDING).count();
    if (pending > 0 && filter.isEmpty()) {
      out()
          .printf(
              "%n%d waiting for review: 'drafts show ID', 'drafts edit ID', 'drafts approve ID... | --all'.%n",
              pending);
    }
    return 0;
  }
}
