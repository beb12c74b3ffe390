package dev.rapport.cli;

import dev.rapport.RapportException;
import dev.rapport.draft.Draft;
import dev.rapport.interview.Interview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

  @Option(
      names = "--no-confirm",
      description = "Draft no CONFIRM reply (day, time, length, place, with the .ics attached).")
  boolean noConfirm;

  @Option(
      names = "--force",
      description = "Book it even though the start is in the past (to record what happened).")
  boolean force;

  @Override
  public Integer call() {
    Interview i = app().interviews().schedule(contactId, slot.slot(), force);
    out()
        .printf(
            "Interview %d with contact %d booked for %s.%n",
            i.id(), contactId, InterviewViews.when(i, this));
    String ics = slot.writeIcs(this, i);
    if (ics != null) out().println(ics);
    if (!noConfirm && i.startsAt().toInstant().isAfter(app().clock().instant())) {
      try {
        Draft d = app().confirmations().confirm(i);
        out()
            .printf(
                "CONFIRM draft %d (with %s attached) is waiting for your review: drafts show %d.%n",
                d.id(), "interview-" + i.id() + ".ics", d.id());
      } catch (RapportException e) {
        // the booking stands; the confirmation can be written by hand
        err().println("The interview is booked, but no CONFIRM draft was made: " + e.getMessage());
      }
    }
    return 0;
  }
}
