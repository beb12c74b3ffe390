package dev.rapport.cli;

import dev.rapport.contact.Contact;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code contacts note}: a dated research note, for the timeline and the interview prep. */
@Command(
    name = "note",
    mixinStandardHelpOptions = true,
    description = {
      "Add a dated note on a contact: what you learned about them, their work, what to ask.",
      "Notes are on the timeline (contacts show) and in the reminder before an interview."
    })
final class ContactsNoteCommand extends AppCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The contact's id.")
  long id;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "TEXT",
      description = "The note, e.g. \"gave a talk on supply chains at HIMSS 2025\".")
  List<String> words;

  @Override
  public Integer call() {
    Contact c = app().contacts().note(id, String.join(" ", words));
    out().printf("Noted on contact %d (%s).%n", c.id(), c.name());
    return 0;
  }
}
