package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A spam complaint in the Abuse Reporting Format: a multipart/report with
 * report-type=feedback-report, or any message with a message/feedback-report part. The complaining
 * recipients come from Original-Rcpt-To and Removal-Recipient, else from the To of the returned
 * copy.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5965">RFC 5965, ARF</a>
 */
final class FeedbackReportRule implements Rule {
  @Override
  public String name() {
    return "feedback-report";
  }

  @Override
  public Optional<Classification> apply(MessageView message, ClassificationContext context) {
    boolean declared =
        message.mediaType().is("multipart/report")
            && message.mediaType().parameter("report-type").equals("feedback-report");
    List<MessageView.ReportPart> parts =
        message.reports().stream().filter(p -> p.type().is("message/feedback-report")).toList();
    if (!declared && parts.isEmpty()) return Optional.empty();
    Set<String> recipients = new LinkedHashSet<>();
    String feedbackType = "";
    for (MessageView.ReportPart part : parts) {
      MailHeaders fields = MailHeaders.parse(part.text());
      for (String v : fields.all("Original-Rcpt-To")) recipients.addAll(Addresses.in(v));
      for (String v : fields.all("Removal-Recipient")) recipients.addAll(Addresses.in(v));
      if (feedbackType.isEmpty()) feedbackType = fields.keyword("Feedback-Type");
    }
    if (recipients.isEmpty()) recipients.addAll(OriginalMessage.recipients(message));
    recipients.removeIf(context::isOwnAddress);
    return Optional.of(
        Classification.of(Kind.COMPLAINT, name())
            .withRecipients(new ArrayList<>(recipients))
            .withOriginalMessageIds(OriginalMessage.messageIds(message))
            .withDetail(
                feedbackType.isEmpty() ? "feedback report" : "feedback type " + feedbackType));
  }
}
