package dev.rapport.cli;

import dev.rapport.contact.Contact;
import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.ShortNotes;
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
    // A note sent by hand is no message: nothing for the outbox to build.
    MessagePreview preview = d.byHand() ? null : app().outbox().preview(id);
    java.util.List<String> warnings = app().drafts().warnings(d);
    if (json) {
      printJson(DraftViews.of(d, preview, warnings, this));
      return 0;
    }
    Contact contact = app().contacts().get(d.contactId());
    if (d.byHand()) showNote(d, contact);
    else showMail(d, preview);
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
    // Warnings only: the user may send it as it is.
    for (String w : warnings) out().println("[check: " + w + "]");
    return 0;
  }

  private void showMail(Draft d, MessagePreview preview) {
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
    for (dev.rapport.draft.Attachment a : app().drafts().attachments(d.id()))
      out().println("Attached: " + dev.rapport.draft.DraftService.describe(a));
  }

  /** A note sent by hand: where it goes, its length, and the text to copy. */
  private void showNote(Draft d, Contact contact) {
    out()
        .println(
            "A note for "
                + contact.name()
                + " on "
                + contact.whereToReach()
                + ": rapport does not send it. Copy the text below, send it yourself, then"
                + " 'drafts mark-sent "
                + d.id()
                + "'.");
    out().println("Title (for your lists, not sent): " + d.subject());
    out()
        .println(
            ShortNotes.problem(d)
                .map(p -> "Too long: " + p)
                .orElse(
                    "Length: "
                        + ShortNotes.length(d.body())
                        + " characters"
                        + (d.kind() == DraftKind.OUTREACH
                            ? " (a connection note holds " + ShortNotes.CONNECTION_NOTE + ")"
                            : "")
                        + "."));
    out().println();
    out().println(d.body());
    out().println();
  }
}
