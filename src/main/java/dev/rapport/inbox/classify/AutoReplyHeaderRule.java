package dev.rapport.inbox.classify;

import java.util.Optional;

/**
 * The older, non-standard auto-reply markers: {@code X-Autoreply} and {@code X-Autorespond}
 * (vacation programs, cPanel, many webmailers) with any value but no/false, and {@code Precedence:
 * auto_reply}. RFC 3834 section 3.1.8 notes that responders look for these.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3834#section-3.1.8">RFC 3834, 3.1.8</a>
 */
final class AutoReplyHeaderRule implements Rule {
  @Override
  public String name() {
    return "auto-reply-header";
  }

  @Override
  public Optional<Classification> apply(MessageView message, ClassificationContext context) {
    MailHeaders h = message.headers();
    for (String header : new String[] {"X-Autoreply", "X-Autorespond"}) {
      if (h.has(header) && !h.keyword(header).matches("no|false|0")) {
        return Optional.of(
            AutoReplies.of(name(), header + ": " + h.keyword(header), message, context));
      }
    }
    if (h.keyword("Precedence").equals("auto_reply")) {
      return Optional.of(AutoReplies.of(name(), "Precedence: auto_reply", message, context));
    }
    return Optional.empty();
  }
}
