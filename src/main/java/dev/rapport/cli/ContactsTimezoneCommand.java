package dev.rapport.cli;

import dev.rapport.contact.Contact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts timezone}: the contact's own time zone, for the sending window. */
@Command(
    name = "timezone",
    mixinStandardHelpOptions = true,
    description =
        "Set a contact's own time zone: mail to them goes out inside pacing.window in their zone (the day's cap is still counted in yours). --clear: back to your pacing.timezone.")
final class ContactsTimezoneCommand extends AppCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The contact's id.")
  long id;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "ZONE",
      description = "An IANA time zone name, e.g. Europe/Paris or America/New_York.")
  String zone;

  @Option(names = "--clear", description = "Forget the contact's zone.")
  boolean clear;

  @Override
  public Integer call() {
    if (clear == (zone != null)) {
      err()
          .println(
              clear ? "Give a time zone or --clear, not both." : "Give a time zone or --clear.");
      spec.commandLine().usage(err());
      return Cli.USAGE;
    }
    Contact c = app().contacts().timezone(id, clear ? null : zone);
    if (c.timezone() == null) {
      out()
          .printf(
              "Contact %d (%s) has no time zone of its own: your %s applies.%n",
              c.id(), c.name(), app().config().pacing().timezone());
    } else {
      out().printf("Contact %d (%s) is in %s.%n", c.id(), c.name(), c.timezone());
    }
    return 0;
  }
}
