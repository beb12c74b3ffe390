package dev.rapport.cli;

import dev.rapport.interview.Interview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code interviews cancel CONTACT}: the scheduled interview is off; the contact is REPLIED. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = "Cancel a contact's scheduled interview; the contact goes back to REPLIED.")
final class InterviewsCancelCommand extends AppCommand {
  @Parameters(paramLabel = "CONTACT", description = "The contact's id.")
  long contactId;

  @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the timeline.")
  String note;

  @Override
  public Integer call() {
    Interview i = app().interviews().cancel(contactId, note);
    out().printf("Interview %d with contact %d cancelled.%n", i.id(), contactId);
    return 0;
  }
}
