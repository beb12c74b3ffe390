package dev.rapport.inbox.classify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides what an incoming message is by asking its {@link Rule}s in order; the first verdict wins
 * and a message no rule claims is a {@link Kind#HUMAN_REPLY}. It never throws: input that is not
 * mail comes back {@link Kind#UNREADABLE} with the reason, and a rule that fails on odd input makes
 * the verdict UNREADABLE too rather than letting a later rule call a bounce a human reply. See the
 * package documentation for the order and why.
 */
public final class Classifier {
  private final MessageReader reader;
  private final List<Rule> rules;

  /** A classifier with the standard rules in the standard order. */
  public Classifier() {
    this(new MessageReader(), standardRules());
  }

  public Classifier(MessageReader reader, List<Rule> rules) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.rules = List.copyOf(rules);
  }

  /** The rules in the order they are asked: bounces and complaints first, people last. */
  public static List<Rule> standardRules() {
    return List.of(
        new DeliveryStatusRule(),
        new FeedbackReportRule(),
        new SesNotificationRule(),
        new ComplaintNoticeRule(),
        new PlainTextBounceRule(),
        new OwnMessageRule(),
        new AutoSubmittedRule(),
        new AutoReplyHeaderRule(),
        new ExchangeAutoReplyRule(),
        new AppleVacationRule(),
        new AutoReplySubjectRule(),
        new ListMailRule());
  }

  /** Reads and classifies raw RFC 5322 bytes. */
  public Classification classify(byte[] raw, ClassificationContext context) {
    return classify(reader.readAll(raw), context);
  }

  /**
   * Classifies a message already read (the watcher reads it once and keeps its text): the first
   * message's verdict, joined by those of the same kind when it is an mbox of several.
   */
  public Classification classify(ReadMessage read, ClassificationContext context) {
    List<MessageView> messages = read.messages();
    Classification verdict = classify(messages.get(0), context);
    for (MessageView next : messages.subList(1, messages.size())) {
      Classification other = classify(next, context);
      verdict =
          other.kind() == verdict.kind()
              ? merged(verdict, other)
              : verdict.withProblems(
                  append(
                      verdict.problems(),
                      "an mbox of several messages: a later one is "
                          + other.kind()
                          + ", not used"));
    }
    return verdict;
  }

  /** Two verdicts of one kind (two reports in one mbox): their addresses and codes together. */
  private static Classification merged(Classification a, Classification b) {
    return a.withRecipients(union(a.recipients(), b.recipients()))
        .withStatusCodes(union(a.statusCodes(), b.statusCodes()))
        .withOriginalMessageIds(union(a.originalMessageIds(), b.originalMessageIds()));
  }

  private static List<String> union(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).distinct().toList();
  }

  public Classification classify(MessageView message, ClassificationContext context) {
    if (!message.readable()) {
      return Classification.of(Kind.UNREADABLE, "unreadable")
          .withDetail(message.problems().isEmpty() ? "unreadable" : message.problems().get(0))
          .withProblems(message.problems());
    }
    for (Rule rule : rules) {
      Optional<Classification> verdict;
      try {
        verdict = rule.apply(message, context);
      } catch (RuntimeException | StackOverflowError e) {
        String reason = "rule " + rule.name() + " failed: " + e;
        return Classification.of(Kind.UNREADABLE, rule.name())
            .withDetail(reason)
            .withProblems(append(message.problems(), reason));
      }
      if (verdict.isPresent()) return verdict.get().withProblems(message.problems());
    }
    return Classification.of(Kind.HUMAN_REPLY, "human")
        .withOriginalMessageIds(MessageIds.threadOf(message.headers()))
        .withProblems(message.problems());
  }

  private static List<String> append(List<String> list, String item) {
    return Stream.concat(list.stream(), Stream.of(item)).toList();
  }
}
