package dev.rapport.inbox.classify;

import java.util.Optional;

/**
 * A bounce without a usable delivery-status part (Exim, qmail, old Sendmail and Gmail, Exchange
 * 2003, Lotus Notes, mobile carriers …): recognised by {@link BounceSigns}, judged hard or soft by
 * {@link BounceText}, matched through {@link BounceRecipients} and {@link OriginalMessage}. The
 * rule name records which sign decided, e.g. {@code plain-text-bounce/mailer-daemon}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3463">RFC 3463, enhanced status codes</a>
 */
final class PlainTextBounceRule implements Rule {
  @Override
  public String name() {
    return "plain-text-bounce";
  }

  @Override
  public Optional<Classification> apply(MessageView message, ClassificationContext context) {
    Optional<String> sign = BounceSigns.of(message);
    if (sign.isEmpty()) return Optional.empty();
    StringBuilder text = new StringBuilder(BounceText.notice(message.text()));
    for (MessageView.ReportPart report : message.reports()) text.append('\n').append(report.text());
    BounceText.Verdict verdict = BounceText.judge(message.subject(), text.toString());
    return Optional.of(
        Classification.of(verdict.kind(), name() + "/" + sign.get())
            .withStatusCodes(verdict.codes())
            .withRecipients(BounceRecipients.find(message, context))
            .withOriginalMessageIds(OriginalMessage.messageIds(message))
            .withDetail(verdict.reason()));
  }
}
