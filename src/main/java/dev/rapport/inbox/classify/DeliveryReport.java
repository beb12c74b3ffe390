package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The machine-readable part of a delivery status notification: groups of "Name: value" fields
 * separated by empty lines, the first about the message, the rest one per recipient. Real reports
 * are sloppy (groups run together, fields repeat), so every group that carries a recipient field
 * counts as a recipient.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3464#section-2">RFC 3464, 2</a>
 */
record DeliveryReport(List<RecipientStatus> recipients) {
  DeliveryReport {
    recipients = List.copyOf(recipients);
  }

  static DeliveryReport parse(String text) {
    List<RecipientStatus> recipients = new ArrayList<>();
    for (String group : text.replace("\r\n", "\n").replace('\r', '\n').split("\n[ \t]*\n")) {
      for (MailHeaders fields : splitOnRepeats(MailHeaders.parse(group))) {
        RecipientStatus status = RecipientStatus.of(fields);
        if (status != null) recipients.add(status);
      }
    }
    return new DeliveryReport(recipients);
  }

  /** Splits a group where a second Final-Recipient starts a new recipient without an empty line. */
  private static List<MailHeaders> splitOnRepeats(MailHeaders group) {
    List<MailHeaders> groups = new ArrayList<>();
    List<MailHeaders.Field> current = new ArrayList<>();
    for (MailHeaders.Field f : group.fields()) {
      if (f.name().equalsIgnoreCase("Final-Recipient")
          && current.stream().anyMatch(c -> c.name().equalsIgnoreCase("Final-Recipient"))) {
        groups.add(new MailHeaders(current));
        current = new ArrayList<>();
      }
      current.add(f);
    }
    groups.add(new MailHeaders(current));
    return groups;
  }
}
