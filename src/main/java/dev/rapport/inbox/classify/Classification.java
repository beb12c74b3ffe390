package dev.rapport.inbox.classify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The classifier's verdict on one message, with what the watcher needs to find the contact.
 *
 * @param kind what the message is
 * @param rule the short name of the rule that decided, for the timeline and for debugging
 * @param statusCodes delivery status codes found (enhanced {@code 5.1.1} or SMTP {@code 550}), in
 *     order, each once
 * @param recipients for bounces the failed recipients, for complaints the complaining ones; bare
 *     addresses, lower-cased
 * @param originalMessageIds Message-IDs (with angle brackets) of the message this one is about:
 *     from a returned copy or headers part, a quoted copy, In-Reply-To and References
 * @param returnDate for auto-replies, the announced return date when one was found
 * @param detail a short human-readable reason (a diagnostic line, the phrase that matched)
 * @param problems what could not be read cleanly; for {@link Kind#UNREADABLE} the reason
 */
public record Classification(
    Kind kind,
    String rule,
    List<String> statusCodes,
    List<String> recipients,
    List<String> originalMessageIds,
    Optional<ReturnDate> returnDate,
    String detail,
    List<String> problems) {

  public Classification {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rule, "rule");
    statusCodes = List.copyOf(statusCodes);
    recipients = List.copyOf(recipients);
    originalMessageIds = List.copyOf(originalMessageIds);
    Objects.requireNonNull(returnDate, "returnDate");
    detail = detail == null ? "" : detail;
    problems = List.copyOf(problems);
  }

  /** A verdict with nothing but its kind and rule. */
  public static Classification of(Kind kind, String rule) {
    return new Classification(
        kind, rule, List.of(), List.of(), List.of(), Optional.empty(), "", List.of());
  }

  public Classification withStatusCodes(List<String> codes) {
    return new Classification(
        kind, rule, codes, recipients, originalMessageIds, returnDate, detail, problems);
  }

  public Classification withRecipients(List<String> addresses) {
    return new Classification(
        kind, rule, statusCodes, addresses, originalMessageIds, returnDate, detail, problems);
  }

  public Classification withOriginalMessageIds(List<String> ids) {
    return new Classification(
        kind, rule, statusCodes, recipients, ids, returnDate, detail, problems);
  }

  public Classification withReturnDate(Optional<ReturnDate> date) {
    return new Classification(
        kind, rule, statusCodes, recipients, originalMessageIds, date, detail, problems);
  }

  public Classification withDetail(String text) {
    return new Classification(
        kind, rule, statusCodes, recipients, originalMessageIds, returnDate, text, problems);
  }

  public Classification withProblems(List<String> list) {
    return new Classification(
        kind, rule, statusCodes, recipients, originalMessageIds, returnDate, detail, list);
  }
}
