package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Complaints and opt-outs that are not ARF reports: a mailbox provider's older complaint notice
 * (subject "complaint about message from …", as Hotmail's feedback loop sends), and an unsubscribe
 * request — Apple Mail's {@code X-Apple-Unsubscribe: true}, or a message whose whole subject is
 * "unsubscribe" (what a List-Unsubscribe mailto link sends). Either way the person does not want
 * more mail, so the contact is paused.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2369#section-3.2">RFC 2369, List-Unsubscribe</a>
 */
final class ComplaintNoticeRule implements Rule {
  private static final Pattern COMPLAINT_SUBJECT =
      Pattern.compile("(?i)^complaint about message from\\b");
  private static final Pattern UNSUBSCRIBE_SUBJECT =
      Pattern.compile("(?i)^\\s*\\[?unsubscribe\\]?\\s*$");

  @Override
  public String name() {
    return "complaint-notice";
  }

  @Override
  public Optional<Classification> apply(MessageView message, ClassificationContext context) {
    String subject = message.subject();
    String detail;
    if (COMPLAINT_SUBJECT.matcher(subject).find()) {
      detail = "complaint notice";
    } else if (message.headers().keyword("X-Apple-Unsubscribe").equals("true")) {
      detail = "unsubscribe request (X-Apple-Unsubscribe)";
    } else if (UNSUBSCRIBE_SUBJECT.matcher(subject).matches()) {
      detail = "unsubscribe request";
    } else {
      return Optional.empty();
    }
    List<String> recipients = new ArrayList<>(OriginalMessage.recipients(message));
    if (recipients.isEmpty() && detail.startsWith("unsubscribe"))
      recipients.addAll(message.fromAddresses());
    recipients.removeIf(context::isOwnAddress);
    return Optional.of(
        Classification.of(Kind.COMPLAINT, name())
            .withRecipients(recipients)
            .withOriginalMessageIds(OriginalMessage.messageIds(message))
            .withDetail(detail));
  }
}
