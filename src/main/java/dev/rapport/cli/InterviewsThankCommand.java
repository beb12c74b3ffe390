package dev.rapport.cli;

import dev.rapport.RapportException;
import dev.rapport.draft.Draft;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code interviews thank CONTACT}: drafts the thank-you for the contact's latest interview, with
 * its date and highlight ({@code interviews done} does this by itself).
 */
@Command(
    name = "thank",
    mixinStandardHelpOptions = true,
    description =
        "Draft a thank-you (templates/thank-you.ftl) for a contact's latest interview, naming its"
            + " date and highlight.")
final class InterviewsThankCommand extends AppCommand {
  @Parameters(paramLabel = "CONTACT", description = "The contact's id.")
  long contactId;

  @Override
  public Integer call() {
    Draft d = draft(this, contactId);
    out().println(sentence(d));
    return 0;
  }

  static Draft draft(AppCommand cmd, long contactId) {
    return cmd.app().drafts().thankYou(contactId, cmd.app().interviews().thankYouFacts(contactId));
  }

  static String sentence(Draft d) {
    return "Thank-you draft "
        + d.id()
        + " is waiting for your review: 'drafts show "
        + d.id()
        + "', then 'drafts approve "
        + d.id()
        + "'.";
  }

  /** For {@code interviews done}: the draft, or why there is none, as a line to print. */
  static String tryDraft(AppCommand cmd, long contactId) {
    try {
      return sentence(draft(cmd, contactId));
    } catch (RapportException e) {
      return "No thank-you drafted: " + e.getMessage();
    }
  }
}
