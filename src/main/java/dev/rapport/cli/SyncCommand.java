package dev.rapport.cli;

import dev.rapport.App;
import dev.rapport.inbox.Inbox;
import dev.rapport.inbox.PollResult;
import dev.rapport.mail.Endpoint;
import dev.rapport.outbox.OutboxMail;
import dev.rapport.outbox.OutboxService;
import dev.rapport.outbox.PassSummary;
import dev.rapport.schedule.RunSummary;
import picocli.CommandLine.Command;

/** {@code sync}: one pass of what the daemon does, then exit. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "One pass of what the daemon does, then exit: read new mail (replies, auto-replies, bounces), do what the scheduler has due (follow-up, thank-you and keep-in-touch drafts, the morning digest), settle sends a crash interrupted, then send the approved drafts the sending window allows now.",
      "With no mail account configured it sends to the sandbox mail server, which runs inside 'run'."
    })
final class SyncCommand extends AppCommand {
  @Override
  public Integer call() {
    App app = app();
    OutboxMail mail = app.outboxMail();
    OutboxService outbox = app.outbox();
    // The passes, in order: read the inbox first, so that a reply stops a nudge before it is sent.
    // If the inbox cannot be read, nothing is sent (the MailException ends the command).
    Endpoint mailbox = app.mailbox();
    Inbox inbox = app.inbox(() -> mailbox);
    PollResult read = inbox.pollOnce();
    out()
        .println(
            "Read "
                + read.examined()
                + " new message(s); "
                + read.matched()
                + " about your contacts.");
    for (String soft : read.softBounces())
      out()
          .println(
              "Soft bounce: "
                  + soft
                  + "; the mail system keeps trying (see the contact's timeline).");
    // Then what the scheduler has due (nudges need the inbox just read), before anything is sent.
    RunSummary scheduled = app.schedule(inbox::caughtUp, () -> mail).runDue();
    out().println(scheduled.line());
    PassSummary settled = outbox.reconcile(mail);
    PassSummary sent = outbox.sendDue(mail);
    PassSummary both = sent.after(settled);
    out().println(both.line(outbox.zone()));
    app.pauses()
        .current()
        .ifPresent(
            p ->
                out()
                    .println(
                        "Sending is "
                            + p.describe(outbox.zone())
                            + "; approved drafts wait. 'resume' releases them."));
    return both.failed().isEmpty()
            && both.uncertain() == 0
            && both.unreachable().isEmpty()
            && scheduled.failed().isEmpty()
            && both.reconcileDeferred() == 0
        ? 0
        : Cli.FAILED;
  }
}
