package dev.rapport.cli;

import dev.rapport.contact.Channel;
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
      description =
          "Email address (unique, whatever its case); required unless the contact is reached on another channel (--channel linkedin or phone).")
  String email;

  @Option(
      names = "--channel",
      paramLabel = "CHANNEL",
      description = {
        "How you reach them: email, linkedin or phone (default: email when --email is given, else",
        "linkedin with --profile-url, else phone with --phone). Off email, notes are short and",
        "sent by hand."
      })
  String channel;

  @Option(
      names = "--profile-url",
      paramLabel = "URL",
      description = "Their profile, e.g. https://www.linkedin.com/in/name.")
  String profileUrl;

  @Option(names = "--phone", paramLabel = "NUMBER", description = "Their phone number.")
  String phone;

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
    if (blank(email) && channel == null && blank(profileUrl) && blank(phone))
      // a missing option is a usage error (exit 2), as picocli reports its own required ones
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "Missing --email: an email address is required; for someone without one, give"
              + " --profile-url (they are reached on LinkedIn) or --phone.");
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
                        timezone)
                    .withChannel(Channel.parse(channel), profileUrl, phone, null));
    out().println(c.id());
    return 0;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
