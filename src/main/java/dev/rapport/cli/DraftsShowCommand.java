package dev.rapport.cli;

import dev.rapport.contact.Contact;
import dev.rapport.draft.Draft;
import dev.rapport.outbox.MessagePreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drafts show}: one draft as its recipient will see it, then where it stands. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a draft exactly as it will be sent: every header, then the body.")
final class DraftsShowCommand extends AppCommand {
  @Parameters(paramLabel = "ID", description = "The draft's id.")
  long id;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    Draft d = app().drafts().get(id);
    MessagePreview preview = app().outbox().preview(id);
    if (json) {
      printJson(DraftViews.of(d, preview, this));
      return 0;
    }
    Contact contact = app().contacts().get(d.contactId());
    if (preview.problem() != null) {
      out().println("This draft cannot be sent as it is: " + preview.problem());
      out().println("To: " + d.to());
      out().println("Subject: " + d.subject());
    }
    // Every header the message goes out with, as the dashboard shows them: what you review here
    // is what is sent (only Date and a new Message-ID are set when it goes).
    for (MessagePreview.Header h : preview.headers()) out().println(h.name() + ": " + h.value());
    out().println();
    out().println(d.body());
    out().println();
    for (dev.rapport.draft.Attachment a : app().drafts().attachments(id))
      out().println("Attached: " + dev.rapport.draft.DraftService.describe(a));
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
    if (d.reviewNote() != null) out().println("[back for review: " + d.reviewNote() + "]");
    return 0;
  }
}
