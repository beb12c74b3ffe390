package dev.rapport.cli;

import dev.rapport.contact.Link;
import dev.rapport.draft.Declines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts decline}: a "no" in one step. */
@Command(
    name = "decline",
    mixinStandardHelpOptions = true,
    description =
        "Record a \"no\": the contact becomes DECLINED and any nudge waiting for them is cancelled.")
final class ContactsDeclineCommand extends AppCommand {
  @Parameters(paramLabel = "ID", description = "The contact's id.")
  long id;

  @Option(names = "--note", paramLabel = "TEXT", description = "What they said, for the timeline.")
  String note;

  @Override
  public Integer call() {
    Declines.Declined d =
        new Declines(app().database(), app().contacts(), app().clock())
            .decline(id, note, Link.command("contacts decline"));
    out().printf("Contact %d (%s) is now DECLINED.", d.contact().id(), d.contact().name());
    int n = d.cancelled().size();
    if (n > 0) out().printf(" %d waiting nudge%s cancelled.", n, n == 1 ? "" : "s");
    out().println();
    return 0;
  }
}
