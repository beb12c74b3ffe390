package dev.rapport.cli;

import dev.rapport.contact.Channel;
import dev.rapport.contact.ContactChanges;
import dev.rapport.contact.ContactEdit;
import dev.rapport.contact.Level;
import dev.rapport.contact.Link;
import dev.rapport.contact.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code contacts edit}: corrects a contact's details; drafts not yet sent follow a new address.
 */
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description =
        "Change a contact's details: only the options given change. A new address is also used by"
            + " their drafts that have not been sent yet (an approved one waits for your review"
            + " again). The stage stays; for a BOUNCED contact given a corrected --email, add"
            + " --reset to start them over as NEW in the same step.")
final class ContactsEditCommand extends AppCommand {
  @Parameters(paramLabel = "ID", description = "The contact's id.")
  long id;

  @Option(names = "--name", paramLabel = "N")
  String name;

  @Option(names = "--email", paramLabel = "E")
  String email;

  @Option(names = "--company", paramLabel = "C", description = "An empty value clears it.")
  String company;

  @Option(names = "--role", paramLabel = "R", description = "An empty value clears it.")
  String role;

  @Option(names = "--tier", paramLabel = "1-4")
  Integer tier;

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      description = "EMERGING, MID or SENIOR; 'none' clears it.")
  String level;

  @Option(names = "--hypothesis", paramLabel = "ID", description = "A hypothesis id; 0 clears it.")
  Long hypothesis;

  @Option(
      names = "--channel",
      paramLabel = "CHANNEL",
      description =
          "email, linkedin or phone. Giving an address to someone reached on LinkedIn or by phone does not move them to email; --channel email does.")
  String channel;

  @Option(names = "--profile-url", paramLabel = "URL", description = "An empty value clears it.")
  String profileUrl;

  @Option(names = "--phone", paramLabel = "NUMBER", description = "An empty value clears it.")
  String phone;

  @Option(
      names = "--reset",
      description =
          "With --email on a BOUNCED contact: move them back to NEW (the old address bounced).")
  boolean reset;

  @Override
  public Integer call() {
    boolean clearLevel = level != null && level.strip().equalsIgnoreCase("none");
    ContactChanges changes =
        new ContactChanges(
            name,
            email,
            company,
            role,
            tier,
            clearLevel ? null : Level.parse(level).orElse(null),
            clearLevel,
            hypothesis != null && hypothesis == 0 ? null : hypothesis,
            hypothesis != null && hypothesis == 0,
            Channel.parse(channel),
            profileUrl,
            phone);
    if (changes.isEmpty()) {
      err().println("Say what to change, e.g. --email or --company.");
      spec.commandLine().usage(err());
      return Cli.USAGE;
    }
    ContactEdit e = app().contactEditor().edit(id, changes, Link.command("contacts edit"), reset);
    if (!e.edited().changed()) {
      out().printf("Contact %d already reads like that; nothing changed.%n", id);
      return 0;
    }
    out().printf("Contact %d (%s) changed.%n", id, e.edited().after().name());
    if (e.edited().addressOffEmail())
      out()
          .printf(
              "They are still reached on %s; 'contacts edit %d --channel email' writes to them by"
                  + " email from now on.%n",
              e.edited().after().channel().label(), id);
    if (reset) {
      out()
          .printf(
              "Contact %d is NEW again: draft a first note to %s with 'rapport outreach %d'.%n",
              id, e.edited().after().email(), id);
    } else if (e.edited().emailChanged() && e.edited().after().stage() == Stage.BOUNCED) {
      out()
          .printf(
              "Contact %d is still BOUNCED. To start them over as NEW at the corrected address,"
                  + " run: rapport contacts edit %d --email %s --reset%n",
              id, id, e.edited().after().email());
    }
    if (e.readdressed() > 0)
      out()
          .printf(
              "%d draft(s) not yet sent now go to %s; any that was approved waits for your review"
                  + " again.%n",
              e.readdressed(), e.edited().after().email());
    return 0;
  }
}
