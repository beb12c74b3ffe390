package dev.rapport.inbox.classify;

import java.util.Optional;

/**
 * iCloud Mail's vacation responder: {@code X-Apple-Action: VACATION}. Its {@code X-Apple-Criteria}
 * header gives the end date, which {@link ReturnDates} reads.
 */
final class AppleVacationRule implements Rule {
  @Override
  public String name() {
    return "apple-vacation";
  }

  @Override
  public Optional<Classification> apply(MessageView message, ClassificationContext context) {
    if (!message.headers().keyword("X-Apple-Action").equals("vacation")) return Optional.empty();
    return Optional.of(AutoReplies.of(name(), "X-Apple-Action: VACATION", message, context));
  }
}
