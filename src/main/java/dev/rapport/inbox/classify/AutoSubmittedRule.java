package dev.rapport.inbox.classify;

import java.util.Locale;
import java.util.Optional;

/**
 * An Auto-Submitted header with any value but {@code no} (auto-replied, auto-generated,
 * auto-notified …) marks mail sent by a program, not a person. Bounces carry it too, which is why
 * the bounce rules run first.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3834#section-5">RFC 3834, 5: Auto-Submitted</a>
 */
final class AutoSubmittedRule implements Rule {
  @Override
  public String name() {
    return "auto-submitted";
  }

  @Override
  public Optional<Classification> apply(MessageView message, ClassificationContext context) {
    Optional<String> value = message.headers().first("Auto-Submitted");
    if (value.isEmpty()) return Optional.empty();
    String keyword =
        value
            .get()
            .replaceAll("\\([^()]*\\)", "")
            .split(";", 2)[0]
            .strip()
            .toLowerCase(Locale.ROOT);
    if (keyword.isEmpty() || keyword.equals("no")) return Optional.empty();
    return Optional.of(AutoReplies.of(name(), "Auto-Submitted: " + keyword, message, context));
  }
}
