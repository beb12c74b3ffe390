package dev.rapport.cli;

import dev.rapport.interview.Interview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code interviews done CONTACT}: the conversation happened; the contact is INTERVIEWED. */
@Command(
    name = "done",
    mixinStandardHelpOptions = true,
    description =
        "Mark a contact's interview held (one held now if none was scheduled); the contact becomes INTERVIEWED.")
final class InterviewsDoneCommand extends AppCommand {
  @Parameters(paramLabel = "CONTACT", description = "The contact's id.")
  long contactId;

  @Option(
      names = "--force",
      description =
          "Mark it done even though its booked start is still ahead (it took place earlier).")
  boolean force;

  @Option(
      names = "--no-thank-you",
      description =
          "Draft no thank-you here. The scheduler (the daemon, or the next 'sync') drafts it soon,"
              + " with the highlight from any notes recorded by then; or draft it yourself with"
              + " 'interviews thank CONTACT'.")
  boolean noThankYou;

  @Override
  public Integer call() {
    boolean card = app().config().cadence().thankYouCard();
    Interview i = app().interviews().done(contactId, card, force);
    out().printf("Interview %d with contact %d is done.%n", i.id(), contactId);
    if (card)
      out()
          .printf(
              "A handwritten card makes the thanks stay; tick it off with 'interviews card-sent %d'.%n",
              contactId);
    if (noThankYou) {
      out()
          .printf(
              "Record what you learnt with 'interviews notes %d', then draft the thank-you with"
                  + " 'interviews thank %d'.%n",
              contactId, contactId);
    } else {
      out().println(InterviewsThankCommand.tryDraft(this, contactId));
    }
    return 0;
  }
}
