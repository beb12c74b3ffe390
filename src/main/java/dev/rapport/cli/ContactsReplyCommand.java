package dev.rapport.cli;

import dev.rapport.contact.Link;
import dev.rapport.draft.Replies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts reply}: an answer received outside mail, moving the stage as a mail reply. */
@Command(
    name = "reply",
    mixinStandardHelpOptions = true,
    description =
        "Record an answer received outside mail (on LinkedIn, by phone, in person): the contact moves as for a reply by mail (to REPLIED) and any nudge waiting for them is cancelled.")
final class ContactsReplyCommand extends AppCommand {
  @Parameters(paramLabel = "ID", description = "The contact's id.")
  long id;

  @Option(names = "--text", paramLabel = "T", description = "What they said, for the timeline.")
  String text;

  @Override
  public Integer call() {
    Replies.Received r =
        new Replies()
            .byHand(
                app().database(),
                app().contacts(),
                app().clock(),
                id,
                text,
                Link.command("contacts reply"));
    if (r.moved().isPresent())
      out().printf("Contact %d (%s) is now %s.", id, r.contact().name(), r.moved().get());
    else
      out()
          .printf(
              "The reply is on the timeline of contact %d (%s), who stays %s (a reply moves a"
                  + " contact who was written to); 'contacts stage %d REPLIED' moves them by hand.",
              id, r.contact().name(), r.contact().stage(), id);
    int n = r.cancelled().size();
    if (n > 0) out().printf(" %d waiting nudge%s cancelled.", n, n == 1 ? "" : "s");
    out().println();
    return 0;
  }
}
