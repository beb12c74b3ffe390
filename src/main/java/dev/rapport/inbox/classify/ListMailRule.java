package dev.rapport.inbox.classify;

import java.util.Optional;

/**
 * Newsletters and mailing-list traffic: List-Id, List-Unsubscribe or {@code Precedence:
 * bulk|list|junk}. Such mail is not a reply unless it answers one of our own messages (its
 * In-Reply-To or References name a Message-ID rapport sent), as when a contact answers through a
 * list or a ticket system.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2919">RFC 2919, List-Id</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2369">RFC 2369, List-* headers</a>
 */
final class ListMailRule implements Rule {
  @Override
  public String name() {
    return "list-mail";
  }

  @Override
  public Optional<Classification> apply(MessageView message, ClassificationContext context) {
    MailHeaders h = message.headers();
    String sign;
    if (h.has("List-Id")) sign = "List-Id";
    else if (h.has("List-Unsubscribe")) sign = "List-Unsubscribe";
    else if (h.keyword("Precedence").matches("bulk|list|junk"))
      sign = "Precedence: " + h.keyword("Precedence");
    else return Optional.empty();
    if (MessageIds.threadOf(h).stream().anyMatch(context.isOurMessageId())) return Optional.empty();
    return Optional.of(Classification.of(Kind.LIST_MAIL, name()).withDetail(sign));
  }
}
