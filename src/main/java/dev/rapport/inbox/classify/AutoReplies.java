package dev.rapport.inbox.classify;

/**
 * Builds the verdict every auto-reply rule gives: {@link Kind#AUTO_REPLY} with the thread it
 * answers and, when one is announced, the return date.
 */
final class AutoReplies {
  private AutoReplies() {}

  static Classification of(
      String rule, String detail, MessageView message, ClassificationContext context) {
    return Classification.of(Kind.AUTO_REPLY, rule)
        .withOriginalMessageIds(MessageIds.threadOf(message.headers()))
        .withReturnDate(ReturnDates.find(message, context.clock()))
        .withDetail(detail);
  }
}
