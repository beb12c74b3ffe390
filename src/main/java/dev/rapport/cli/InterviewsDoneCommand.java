package dev.rapport.cli;

import dev.rapport.interview.Interview;
import picocli.CommandLine.Command;
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

  @Override
  public Integer call() {
    Interview i = app().interviews().done(contactId);
    out()
        .printf(
            "Interview %d with contact %d is done. Record what you learnt with 'interviews notes %d'.%n",
            i.id(), contactId, contactId);
    return 0;
  }
}
