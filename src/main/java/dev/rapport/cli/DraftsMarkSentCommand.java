package dev.rapport.cli;

import dev.rapport.contact.Link;
import dev.rapport.draft.Draft;
import dev.rapport.outbox.HandSends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code drafts mark-sent}: a note to someone off email was sent by the user's hand. */
@Command(
    name = "mark-sent",
    mixinStandardHelpOptions = true,
    description =
        "Record that you sent a note by hand to someone reached off email (LinkedIn, phone): it becomes SENT now, the contact moves as for an email, and follow-ups are planned from it. Email drafts are refused: the outbox sends those once approved.")
final class DraftsMarkSentCommand extends AppCommand {
  @Parameters(paramLabel = "ID", description = "The draft's id.")
  long id;

  @Override
  public Integer call() {
    Draft d =
        new HandSends(app().database(), app().contacts(), app().drafts(), app().clock())
            .markSent(id, Link.command("drafts mark-sent"));
    out()
        .printf(
            "Draft %d (%s on %s) marked sent; contact %d is now %s.%n",
            d.id(),
            d.kind(),
            d.channel().label(),
            d.contactId(),
            app().contacts().get(d.contactId()).stage());
    return 0;
  }
}
