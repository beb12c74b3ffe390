package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A delivery status notification: a multipart/report with report-type=delivery-status, or any
 * message carrying a message/delivery-status (or global-delivery-status) part. Decided per
 * recipient from Action and Status:
 *
 * <ul>
 *   <li>hard when any recipient has a 5.x.x status, or failed with a diagnostic saying the address
 *       does not exist (even under a 4.x.x status), or failed with no status but a permanent
 *       diagnostic;
 *   <li>soft when any has a 4.x.x status or {@code Action: delayed};
 *   <li>a delivery report when every recipient has a 2.x.x status or was delivered, relayed or
 *       expanded.
 * </ul>
 *
 * A report without any readable recipient group is left to the plain-text bounce rule.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3464">RFC 3464</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6533">RFC 6533, internationalized DSNs</a>
 */
final class DeliveryStatusRule implements Rule {
  /**
   * Success actions; "deliverable" is what Postfix's address verification (sendmail -bv) reports.
   */
  private static final String DELIVERED = "delivered|relayed|expanded|deliverable";

  @Override
  public String name() {
    return "delivery-status";
  }

  @Override
  public Optional<Classification> apply(MessageView message, ClassificationContext context) {
    List<RecipientStatus> statuses = new ArrayList<>();
    for (MessageView.ReportPart part : message.reports()) {
      if (part.type().type().endsWith("delivery-status"))
        statuses.addAll(DeliveryReport.parse(part.text()).recipients());
    }
    if (statuses.isEmpty()) return Optional.empty();
    Kind kind = verdict(statuses, message);
    Set<String> codes = new LinkedHashSet<>();
    Set<String> recipients = new LinkedHashSet<>();
    String detail = "";
    for (RecipientStatus s : statuses) {
      if (!s.status().isEmpty()) codes.add(s.status());
      if (!s.recipient().isEmpty() && !context.isOwnAddress(s.recipient()) && concerns(s, kind))
        recipients.add(s.recipient());
      if (detail.isEmpty() && !s.diagnostic().isEmpty() && concerns(s, kind))
        detail = s.diagnostic();
    }
    if (recipients.isEmpty()) recipients.addAll(BounceRecipients.find(message, context));
    return Optional.of(
        Classification.of(kind, name())
            .withStatusCodes(new ArrayList<>(codes))
            .withRecipients(new ArrayList<>(recipients))
            .withOriginalMessageIds(OriginalMessage.messageIds(message))
            .withDetail(detail));
  }

  private static Kind verdict(List<RecipientStatus> statuses, MessageView message) {
    boolean soft = false;
    boolean undecided = false;
    for (RecipientStatus s : statuses) {
      char cls = s.statusClass();
      if (cls == '5') return Kind.BOUNCE_HARD;
      if (cls == '4' || s.action().equals("delayed")) {
        if (s.action().equals("failed") && BounceText.NONEXISTENT.matcher(s.diagnostic()).find())
          return Kind.BOUNCE_HARD;
        soft = true;
      } else if (cls != '2' && !s.action().matches(DELIVERED)) {
        undecided = true;
      }
    }
    if (soft) return Kind.BOUNCE_SOFT;
    if (undecided) {
      // Failed (or no action) without a usable status: read the diagnostics and the notice.
      StringBuilder text = new StringBuilder();
      for (RecipientStatus s : statuses) text.append(s.diagnostic()).append('\n');
      text.append(BounceText.notice(message.text()));
      return BounceText.judge(message.subject(), text.toString()).kind();
    }
    return Kind.DELIVERY_REPORT;
  }

  /**
   * Whether the recipient is one the verdict is about (not a delivered one in a failure report).
   */
  private static boolean concerns(RecipientStatus s, Kind kind) {
    if (kind == Kind.DELIVERY_REPORT) return true;
    return s.statusClass() != '2' && !s.action().matches(DELIVERED);
  }
}
