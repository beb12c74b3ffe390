package dev.rapport.cli;

import dev.rapport.config.Config;
import dev.rapport.contact.Contact;
import dev.rapport.contact.EmailAddresses;
import dev.rapport.draft.Draft;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drafts show}: one draft as its recipient will see it, then where it stands. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a draft as the recipient will see it.")
final class DraftsShowCommand extends AppCommand {
  @Parameters(paramLabel = "ID", description = "The draft's id.")
  long id;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    Draft d = app().drafts().get(id);
    if (json) {
      printJson(DraftViews.of(d, this));
      return 0;
    }
    Contact contact = app().contacts().get(d.contactId());
    Config.Me me = app().config().me();
    boolean theirAddress = EmailAddresses.key(d.to()).equals(EmailAddresses.key(contact.email()));
    out().println("To: " + (theirAddress ? contact.name() + " <" + d.to() + ">" : d.to()));
    out().println("From: " + me.name() + " <" + me.email() + ">");
    out().println("Subject: " + d.subject());
    out().println();
    out().println(d.body());
    out().println();
    StringBuilder status =
        new StringBuilder("[draft " + d.id() + " · " + d.kind() + " · " + d.status());
    status
        .append(" · contact ")
        .append(contact.id())
        .append(" (")
        .append(contact.name())
        .append(")");
    if (d.template() != null) status.append(" · from ").append(d.template());
    status.append(" · created ").append(shown(d.createdAt()));
    if (d.approvedAt() != null) status.append(" · approved ").append(shown(d.approvedAt()));
    if (d.sentAt() != null) status.append(" · sent ").append(shown(d.sentAt()));
    out().println(status.append("]"));
    if (d.reason() != null && !"outreach".equals(d.reason())) out().println("[" + d.reason() + "]");
    return 0;
  }
}
