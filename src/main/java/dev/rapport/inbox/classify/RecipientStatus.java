package dev.rapport.inbox.classify;

import java.util.List;
import java.util.Locale;

/**
 * The per-recipient fields of a delivery status notification (RFC 3464 section 2.3).
 *
 * @param recipient the failed address from Final-Recipient, else Original-Recipient; may be ""
 * @param action the Action field lower-cased: failed, delayed, delivered, relayed or expanded
 * @param status the enhanced status code of the Status field, "" when absent or unreadable
 * @param diagnostic the Diagnostic-Code field, "" when absent
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3464#section-2.3">RFC 3464, 2.3</a>
 */
record RecipientStatus(String recipient, String action, String status, String diagnostic) {

  /** Reads one per-recipient group; returns null when it carries none of the recipient fields. */
  static RecipientStatus of(MailHeaders group) {
    if (!group.has("Final-Recipient")
        && !group.has("Original-Recipient")
        && !group.has("Action")
        && !group.has("Status")) {
      return null;
    }
    List<String> finalRecipient = Addresses.in(group.first("Final-Recipient").orElse(""));
    List<String> original = Addresses.in(group.first("Original-Recipient").orElse(""));
    String recipient =
        !finalRecipient.isEmpty()
            ? finalRecipient.get(0)
            : original.isEmpty() ? "" : original.get(0);
    String action = group.first("Action").orElse("").strip().toLowerCase(Locale.ROOT);
    int space = action.indexOf(' ');
    if (space > 0) action = action.substring(0, space); // "failed (bad destination)"
    List<String> codes = StatusCodes.enhanced(group.first("Status").orElse(""));
    return new RecipientStatus(
        recipient,
        action,
        codes.isEmpty() ? "" : codes.get(0),
        group.first("Diagnostic-Code").orElse(""));
  }

  /** The class digit of the status: '2', '4', '5', or ' ' when there is none. */
  char statusClass() {
    return status.isEmpty() ? ' ' : status.charAt(0);
  }
}
