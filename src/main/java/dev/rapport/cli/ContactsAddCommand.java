package dev.rapport.cli;

import dev.rapport.contact.Contact;
import dev.rapport.contact.Level;
import dev.rapport.contact.NewContact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code contacts add}: one contact by hand; prints the new id. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = "Add a contact and print its id.")
final class ContactsAddCommand extends AppCommand {
  @Option(names = "--name", required = true, description = "Full name.")
  String name;

  @Option(
      names = "--email",
      required = true,
      description = "Email address (unique, whatever its case).")
  String email;

  @Option(names = "--company")
  String company;

  @Option(names = "--role")
  String role;

  @Option(
      names = "--tier",
      paramLabel = "1-4",
      description = "1 close friends and family … 4 acquaintances (default 4).")
  Integer tier;

  @Option(
      names = "--hypothesis",
      paramLabel = "ID",
      description = "The hypothesis this contact speaks to.")
  Long hypothesis;

  @Option(
      names = "--referred-by",
      paramLabel = "ID",
      description = "The contact who referred this one.")
  Long referredBy;

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      description = "Career level: EMERGING, MID or SENIOR (optional).")
  String level;

  @Option(names = "--note", paramLabel = "TEXT", description = "A first note on the timeline.")
  String note;

  @Option(
      names = "--keep",
      description = "Mark to keep in touch with (see 'contacts keep --help').")
  boolean keep;

  @Option(
      names = "--timezone",
      paramLabel = "ZONE",
      description = "Their own time zone, e.g. Europe/Paris: the sending window is in it.")
  String timezone;

  @Override
  public Integer call() {
    Contact c =
        app()
            .contacts()
            .add(
                new NewContact(
                    name,
                    email,
                    company,
                    role,
                    tier,
                    referredBy,
                    hypothesis,
                    note,
                    "contacts add",
                    Level.parse(level).orElse(null),
                    keep,
                    timezone));
    out().println(c.id());
    return 0;
  }
}
