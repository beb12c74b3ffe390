package dev.rapport.cli;

import dev.rapport.InvalidInputException;
import dev.rapport.daemon.SandboxMail;
import dev.rapport.inbox.SandboxDelivery;
import dev.rapport.inbox.SandboxReplies;
import dev.rapport.mail.MailException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sandbox reply CONTACT [--text T] [--auto | --bounce]}: delivers to the user's sandbox
 * mailbox what the contact's side would send back to the last message rapport sent them.
 */
@Command(
    name = "reply",
    mixinStandardHelpOptions = true,
    description = {
      "Deliver a reply from a contact (or an out-of-office, or a bounce) to the last message sent to them, into the sandbox mailbox.",
      "The running daemon sees it within seconds. Sandbox only."
    })
final class SandboxReplyCommand extends AppCommand {
  @Parameters(index = "0", paramLabel = "CONTACT", description = "The contact's id.")
  long contactId;

  @Option(
      names = "--text",
      paramLabel = "T",
      description = "What the reply says (default: a friendly yes).")
  String text;

  static final class Kind {
    @Option(names = "--auto", description = "An out-of-office auto-reply, back in 10 days.")
    boolean auto;

    @Option(names = "--bounce", description = "A bounce: the address does not exist (5.1.1).")
    boolean bounce;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Kind kind;

  @Override
  public Integer call() {
    if (!app().config().sandbox()) {
      throw new InvalidInputException(
          "sandbox reply works only in sandbox mode; "
              + app().config().source().map(p -> p + " configures").orElse("the config configures")
              + " a real mail account, where replies come from real people.");
    }
    String me = app().config().me().email();
    SandboxMail.Running sandbox =
        SandboxMail.discover(app().data(), me)
            .orElseThrow(
                () ->
                    new MailException(
                        "The sandbox mail server is not running; start the daemon with \"rapport run\" first."));
    SandboxReplies.Variant variant =
        kind == null
            ? SandboxReplies.Variant.HUMAN
            : kind.auto ? SandboxReplies.Variant.AUTO_REPLY : SandboxReplies.Variant.BOUNCE;
    SandboxReplies.Sent sent = SandboxReplies.lastSent(app().database(), contactId);
    SandboxReplies.Reply reply = new SandboxReplies(app().clock()).build(sent, me, variant, text);
    SandboxDelivery.deliver(sandbox.ports().smtp(), reply);
    String what =
        switch (variant) {
          case HUMAN -> "a reply from " + sent.contactName() + " <" + sent.contactEmail() + ">";
          case AUTO_REPLY ->
              "an out-of-office reply from "
                  + sent.contactName()
                  + " <"
                  + sent.contactEmail()
                  + ">";
          case BOUNCE -> "a bounce for " + sent.contactEmail() + " (5.1.1 user unknown)";
        };
    out()
        .println(
            "Delivered "
                + what
                + " to "
                + me
                + ", answering \""
                + sent.subject()
                + "\" "
                + sent.messageId()
                + ". The daemon will see it within seconds.");
    return 0;
  }
}
