package dev.rapport.cli;

import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactDetails;
import dev.rapport.contact.Event;
import dev.rapport.employer.Employer;
import dev.rapport.schedule.NextAction;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts show}: one contact, its timeline and its next scheduled action. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a contact with its timeline and the next scheduled action.")
final class ContactsShowCommand extends AppCommand {
  @Parameters(paramLabel = "ID", description = "The contact's id.")
  long id;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    ContactDetails d = app().contacts().show(id);
    Optional<NextAction> next = app().schedule(() -> true, null).next(id);
    boolean twoHour = app().config().twoHour();
    Optional<Employer> employer = twoHour ? app().employers().employerOf(id) : Optional.empty();
    boolean booster = twoHour && app().employers().isBooster(id);
    if (json) {
      ContactViews.ContactShowJson j = ContactViews.of(d, next, this);
      printJson(twoHour ? new TwoHourJson(j, employer.map(Employer::id).orElse(null), booster) : j);
      return 0;
    }
    Contact c = d.contact();
    out()
        .printf(
            "%s %s  (contact %d)%n",
            c.name(),
            c.channel().byHand() ? "(" + c.whereToReach() + ")" : "<" + c.email() + ">",
            c.id());
    if (c.channel().byHand()) {
      out()
          .println(
              "  reached by "
                  + c.channel().label()
                  + ": notes are sent by hand and marked sent ('drafts mark-sent')"
                  + (c.email() == null ? "" : "; address " + c.email()));
    } else if (c.profileUrl() != null) {
      out().println("  profile " + c.profileUrl());
    }
    if (c.phone() != null && c.channel() != dev.rapport.contact.Channel.PHONE)
      out().println("  phone " + c.phone());
    if (c.connectedOn() != null) out().println("  connected on " + c.connectedOn());
    if (c.role() != null || c.company() != null) {
      out().println("  " + join(c.role(), c.company()));
    }
    out()
        .printf(
            "  stage %s · tier %d%s%s%n",
            c.stage(),
            c.tier(),
            c.level() == null ? "" : " · " + c.level().name().toLowerCase(java.util.Locale.ROOT),
            c.followUps() > 0 ? " · " + c.followUps() + " follow-up(s) sent" : "");
    if (c.referredBy() != null) out().println("  referred by contact " + c.referredBy());
    if (c.hypothesisId() != null) out().println("  hypothesis " + c.hypothesisId());
    if (c.keepInTouch()) out().println("  marked to keep in touch with");
    if (c.timezone() != null) out().println("  time zone " + c.timezone().getId());
    if (employer.isPresent())
      out()
          .printf(
              "  at target employer %s (employer %d)%n",
              employer.get().name(), employer.get().id());
    if (booster) out().println("  booster: answered the first outreach within 3 business days");
    out()
        .println(
            next.map(
                    n ->
                        "  next: "
                            + n.action().description()
                            + (n.at().isAfter(app().clock().instant()) ? " on " : ", due since ")
                            + shown(n.at().atOffset(java.time.ZoneOffset.UTC))
                            + " ("
                            + n.why()
                            + ")")
                .orElse("  next: nothing scheduled"));
    out().println();
    boolean hidden =
        !root().isVerbose() && d.events().stream().anyMatch(e -> e.technical() != null);
    out().println("Timeline" + (hidden ? " (-v adds Message-IDs and server replies)" : ""));
    Optional<Event> no = d.declineSuggestion();
    String indent = " ".repeat(36);
    for (Event e : d.events()) {
      String technical =
          root().isVerbose() && e.technical() != null ? indent + "(" + e.technical() + ")" : "";
      out()
          .printf(
              "  %s  %-15s %s%n",
              shown(e.at()), e.type(), ContactViews.describe(e).replace("\n", "\n" + indent));
      if (!technical.isEmpty()) out().println(technical.replace("\n", "\n" + indent));
      if (e.excerpt() != null) {
        // the reply's own words, as evidence: quoted so they cannot pass for rapport's text
        out().println(indent + "| " + e.excerpt().replace("\n", "\n" + indent + "| "));
      }
      if (no.isPresent() && no.get().id() == e.id()) {
        out()
            .println(
                indent
                    + "This reply looks like a no: '"
                    + e.declinePhrase()
                    + "' — confirm with: rapport contacts decline "
                    + c.id());
      }
    }
    return 0;
  }

  /** {@code contacts show --json} with {@code method: two-hour}: the employer link and the mark. */
  record TwoHourJson(
      @com.fasterxml.jackson.annotation.JsonUnwrapped ContactViews.ContactShowJson contact,
      Long employerId,
      boolean booster) {}

  private static String join(String role, String company) {
    if (role == null) return company;
    if (company == null) return role;
    return role + " at " + company;
  }
}
