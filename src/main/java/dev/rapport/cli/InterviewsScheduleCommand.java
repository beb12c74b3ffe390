package dev.rapport.cli;

import dev.rapport.interview.Interview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code interviews schedule CONTACT --at ISO}: books an interview; the contact is SCHEDULED. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = "Book an interview with a contact; the contact becomes SCHEDULED.")
final class InterviewsScheduleCommand extends AppCommand {
  @Parameters(paramLabel = "CONTACT", description = "The contact's id.")
  long contactId;

  @Mixin SlotOptions slot;

  @Override
  public Integer call() {
    Interview i = app().interviews().schedule(contactId, slot.slot());
    out()
        .printf(
            "Interview %d with contact %d booked for %s.%n",
            i.id(), contactId, InterviewViews.when(i, this));
    String ics = slot.writeIcs(this, i);
    if (ics != null) out().println(ics);
    return 0;
  }
}
