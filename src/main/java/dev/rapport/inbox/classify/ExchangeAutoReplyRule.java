package dev.rapport.inbox.classify;

import java.util.Optional;

/**
 * Exchange and Outlook automatic replies: {@code X-Auto-Response-Suppress} together with {@code
 * X-MS-Exchange-Inbox-Rules-Loop}, the header Exchange adds when an inbox rule (the Out of Office
 * assistant) sends the answer. X-Auto-Response-Suppress alone proves nothing: Outlook puts it on
 * ordinary messages people write, e.g. meeting replies.
 *
 * @see <a
 *     href="https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmail/ced68690-498a-4567-9d14-5c01f974d8b1">MS-OXCMAIL,
 *     X-Auto-Response-Suppress</a>
 */
final class ExchangeAutoReplyRule implements Rule {
  @Override
  public String name() {
    return "exchange-auto-reply";
  }

  @Override
  public Optional<Classification> apply(MessageView message, ClassificationContext context) {
    MailHeaders h = message.headers();
    if (h.has("X-Auto-Response-Suppress") && h.has("X-MS-Exchange-Inbox-Rules-Loop")) {
      return Optional.of(
          AutoReplies.of(
              name(),
              "X-MS-Exchange-Inbox-Rules-Loop with X-Auto-Response-Suppress",
              message,
              context));
    }
    return Optional.empty();
  }
}
