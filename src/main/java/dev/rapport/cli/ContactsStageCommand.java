package dev.rapport.cli;

import dev.rapport.contact.Contact;
import dev.rapport.contact.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts stage}: a move by hand, recorded as an event. */
@Command(
    name = "stage",
    mixinStandardHelpOptions = true,
    description = "Move a contact to a stage by hand.")
final class ContactsStageCommand extends AppCommand {
  @Parameters(index = "0", paramLabel = "ID")
  long id;

  @Parameters(
      index = "1",
      paramLabel = "STAGE",
      description =
          "NEW, CONTACTED, FOLLOWED_UP, REPLIED, SCHEDULED, INTERVIEWED, THANKED, KEEPING_IN_TOUCH, NO_RESPONSE, DECLINED, BOUNCED or PAUSED.")
  String stage;

  @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the timeline.")
  String note;

  @Override
  public Integer call() {
    Contact c = app().contacts().moveManually(id, Stage.parse(stage), note);
    out().printf("Contact %d is now %s.%n", c.id(), c.stage());
    return 0;
  }
}
