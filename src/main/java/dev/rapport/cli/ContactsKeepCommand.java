package dev.rapport.cli;

import dev.rapport.contact.Contact;
import dev.rapport.contact.Stage;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts keep}: marks a contact to keep in touch with, or takes the mark away. */
@Command(
    name = "keep",
    mixinStandardHelpOptions = true,
    description =
        "Mark a contact to keep in touch with: a keep-in-touch draft for your review at a random moment inside cadence.keep_in_touch_every after the last exchange, also without an interview. Contacts who were interviewed and thanked get them anyway.")
final class ContactsKeepCommand extends AppCommand {
  /** Where keep-in-touch notes follow the interview, whatever the mark says. */
  private static final Set<Stage> AFTER_INTERVIEW =
      EnumSet.of(Stage.THANKED, Stage.KEEPING_IN_TOUCH);

  @Parameters(paramLabel = "ID", description = "The contact's id.")
  long id;

  @Option(names = "--off", description = "Take the mark away: no new keep-in-touch drafts.")
  boolean off;

  @Override
  public Integer call() {
    Contact c = app().contacts().keepInTouch(id, !off);
    if (!off) {
      out().printf("Contact %d (%s) is marked to keep in touch with.%n", c.id(), c.name());
    } else if (AFTER_INTERVIEW.contains(c.stage())) {
      out()
          .printf(
              "Contact %d (%s) is no longer marked; as %s, keep-in-touch notes still follow the"
                  + " interview ('contacts stage %d PAUSED' stops them).%n",
              c.id(), c.name(), c.stage(), c.id());
    } else {
      out()
          .printf(
              "Contact %d (%s) is no longer marked to keep in touch with; a keep-in-touch draft"
                  + " already waiting stays for your review ('drafts reject ID').%n",
              c.id(), c.name());
    }
    return 0;
  }
}
