package dev.rapport.cli;

import dev.rapport.contact.ContactRow;
import dev.rapport.contact.Stage;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code contacts list}: every contact, or those in one stage. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List contacts.")
final class ContactsListCommand extends AppCommand {
  @Option(
      names = "--stage",
      paramLabel = "STAGE",
      description = "Only contacts in this stage (NEW, CONTACTED, …).")
  String stage;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    Optional<Stage> filter = Optional.ofNullable(stage).map(Stage::parse);
    if (json) {
      printJson(app().contacts().list(filter).stream().map(c -> ContactViews.of(c, this)).toList());
      return 0;
    }
    List<ContactRow> contacts = app().contacts().rows(filter);
    if (contacts.isEmpty()) {
      out()
          .println(
              filter.isPresent()
                  ? "No contacts in stage " + filter.get() + "."
                  : "No contacts yet. Add one with 'contacts add --name N --email E' or bring many in with 'contacts import FILE'.");
      return 0;
    }
    if (app().config().twoHour()) {
      // The two-hour method marks boosters: they answered within 3 business days.
      java.util.Set<Long> boosters = app().employers().boosterIds();
      TextTable table =
          new TextTable(40, "ID", "NAME", "EMAIL", "COMPANY", "TIER", "STAGE", "BOOSTER");
      for (ContactRow c : contacts)
        table.row(
            c.id(),
            c.name(),
            c.email(),
            c.company(),
            c.tier(),
            c.stage(),
            boosters.contains(c.id()) ? "booster" : "");
      table.print(out());
      return 0;
    }
    TextTable table = new TextTable(40, "ID", "NAME", "EMAIL", "COMPANY", "TIER", "STAGE");
    for (ContactRow c : contacts)
      table.row(
          c.id(),
          c.name(),
          c.channel().byHand() ? "(" + c.channel().label() + ")" : c.email(),
          c.company(),
          c.tier(),
          c.stage());
    table.print(out());
    return 0;
  }
}
