package dev.rapport.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code outreach}: a PENDING outreach draft per contact, each handled on its own (in a few
 * transactions for the whole run: draft/OutreachBatch).
 */
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
    int[] made = {0};
    int[] failed = {0};
    app()
        .drafts()
        .outreach(
            ids,
            force,
            o -> {
              if (o.drafted()) {
                made[0]++;
                out()
                    .printf(
                        "Drafted %s for contact %d from %s.%n",
                        DraftViews.line(o.draft()), o.contactId(), o.draft().template());
              } else {
                failed[0]++;
                err().println(o.failure().getMessage());
              }
            });
    if (ids.size() > 1) {
      out().printf("%d draft%s made, %d failed.%n", made[0], made[0] == 1 ? "" : "s", failed[0]);
    }
    if (made[0] > 0) {
      out().println("Review with 'drafts show ID' or 'drafts edit ID', then 'drafts approve ID'.");
    }
    return failed[0] > 0 ? Cli.FAILED : 0;
  }
}
