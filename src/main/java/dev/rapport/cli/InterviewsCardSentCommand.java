package dev.rapport.cli;

import dev.rapport.interview.Interview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code interviews card-sent CONTACT}: the handwritten card is in the post. */
@Command(
    name = "card-sent",
    mixinStandardHelpOptions = true,
    description = "Tick off the handwritten thank-you card for the contact's last interview.")
final class InterviewsCardSentCommand extends AppCommand {
  @Parameters(paramLabel = "CONTACT", description = "The contact's id.")
  long contactId;

  @Override
  public Integer call() {
    Interview i = app().interviews().cardSent(contactId);
    out().printf("Card for %s ticked off (contact %d).%n", i.label(), contactId);
    return 0;
  }
}
