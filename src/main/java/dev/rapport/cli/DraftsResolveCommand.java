package dev.rapport.cli;

import dev.rapport.draft.DraftService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code drafts resolve ID --sent|--resend}: the user's decision on an UNCERTAIN draft, or a FAILED
 * one to be queued again.
 */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Decide about an UNCERTAIN draft, whose sending was interrupted: rapport cannot tell whether it arrived and never sends it again by itself.",
      "--sent: it did arrive (check your Sent folder or ask the recipient); it becomes SENT and the contact moves on.",
      "--resend: send it again, with the same Message-ID, so a mail system that has the first copy can tell the two are one message.",
      "A FAILED draft (refused by the server, or after ten failed attempts) is never retried by itself; --resend queues it again."
    })
final class DraftsResolveCommand extends AppCommand {
  @Parameters(paramLabel = "ID", description = "The draft's id.")
  long id;

  static final class Decision {
    @Option(names = "--sent", required = true, description = "It was sent: mark it SENT.")
    boolean sent;

    @Option(names = "--resend", required = true, description = "Send it again.")
    boolean resend;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Decision decision;

  @Override
  public Integer call() {
    app().outbox().resolve(id, decision.sent);
    DraftService drafts = app().drafts();
    out()
        .println(
            (decision.sent ? "Marked as sent: " : "Queued to be sent again: ")
                + DraftViews.line(drafts.get(id))
                + ".");
    return 0;
  }
}
