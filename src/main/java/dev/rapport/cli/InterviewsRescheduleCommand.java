package dev.rapport.cli;

import dev.rapport.interview.Interview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code interviews reschedule CONTACT --at ISO}: moves the scheduled interview. */
@Command(
    name = "reschedule",
    mixinStandardHelpOptions = true,
    description =
        "Move a contact's scheduled interview to another time (or confirm an invitation's); its"
            + " length and place stay as booked unless given.")
final class InterviewsRescheduleCommand extends AppCommand {
  @Parameters(paramLabel = "CONTACT", description = "The contact's id.")
  long contactId;

  @Mixin SlotOptions slot;

  @Override
  public Integer call() {
    Interview i = app().interviews().reschedule(contactId, slot::movedFrom);
    out()
        .printf(
            "Interview %d with contact %d is now %s.%n",
            i.id(), contactId, InterviewViews.when(i, this));
    String ics = slot.writeIcs(this, i);
    if (ics != null) out().println(ics);
    return 0;
  }
}
