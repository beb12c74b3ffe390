package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a hard bounce from a soft one by reading a non-standard bounce's subject and notice text
 * (the part before any returned copy of the original), in this order:
 *
 * <ol>
 *   <li>a delay warning (the subject or text says the message is delayed or will be retried) is
 *       soft: the mail system is still trying;
 *   <li>a 5.x.x enhanced status code or 5xx SMTP reply code is hard (RFC 3463 section 3.1, RFC 5321
 *       section 4.2.1). When the text carries report-style {@code Status:} lines, those decide
 *       instead of every code quoted in diagnostics;
 *   <li>an address that does not exist ("user unknown", "no such user", "does not exist" …) is hard
 *       whatever the code;
 *   <li>a 4.x.x or 4xx code is soft;
 *   <li>a phrase naming a specific cause decides: permanent ones ("address rejected", "host
 *       unknown", "mail loop" …) hard, temporary ones ("mailbox full", "over quota", "try again
 *       later", "retry timeout exceeded" …) soft; then the generic words ("permanent", "rejected"
 *       hard; "temporary", "deferred", "timed out" soft), because boilerplate like Exim's "This is
 *       a permanent error" is written whatever the cause;
 *   <li>otherwise hard: the message came back undelivered and nothing says it will be retried, so
 *       sending it again would fail again.
 * </ol>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3463#section-3.1">RFC 3463, 3.1</a>
 */
final class BounceText {
  /** The verdict, the codes that were found, and the words that decided. */
  record Verdict(Kind kind, List<String> codes, String reason) {}

  private static final Pattern DELAY_SUBJECT =
      Pattern.compile(
          "(?i)\\b(delay(ed)?|warning|still being retried|not yet been delivered|will retry)\\b");
  private static final Pattern DELAY_TEXT =
      Pattern.compile(
          "(?i)(will (continue to )?(re)?try|will be retried|(is|has been|was) delayed|still (trying|being retried)|"
              + "has not yet been delivered|not been delivered yet|this is a warning|delivery (is )?delayed|"
              + "only a temporary failure|do not need to re-?send)");
  private static final Pattern STATUS_LINE =
      Pattern.compile("(?im)^[ \\t>]*Status[ \\t]*:[ \\t]*([245]\\.\\d{1,3}\\.\\d{1,3})");

  /** Causes meaning the address does not exist: hard even under a 4xx code. */
  static final Pattern NONEXISTENT =
      Pattern.compile(
          "(?i)(user unknown|unknown user|no such (user|recipient|mailbox|address|account)|unknown (recipient|address|mailbox)|"
              + "recipient (unknown|not found)|user not found|mailbox (not found|does not exist)|invalid (recipient|mailbox|user)|"
              + "does not exist|doesn't exist|no mailbox|not listed in|no valid recipients|invalid final delivery)");

  private static final Pattern SPECIFIC_HARD =
      Pattern.compile(
          "(?i)(recipient (address )?rejected|address rejected|invalid address|mailbox (unavailable|disabled)|"
              + "(account|mailbox|user) (has been |is )?(disabled|deactivated|suspended|terminated|closed)|not our customer|"
              + "host unknown|unknown host|host not found|domain not found|no such domain|unrouteable|"
              + "mail loop|routing loop|loop detected|too many hops|\\bloop\\b|not a member|not permitted|access denied)");
  private static final Pattern SPECIFIC_SOFT =
      Pattern.compile(
          "(?i)(mailbox (is )?full|mailbox.{0,40}\\b(full|exceed)|over ?quota|quota exceeded|"
              + "exceed(s|ed)? (the |his |her |their |allowed )?(storage|quota|mailbox|size|local limit)|insufficient (system )?storage|"
              + "try (again )?later|retry time(out)? (exceeded|expired)|(message|envelope|delivery) (time )?expired|"
              + "(not|could not) be delivered (within|for)|was not delivered within|for \\d+ (days|hours)|failing for a long time)");
  private static final Pattern GENERIC_HARD =
      Pattern.compile("(?i)(permanent(ly)?|fatal|rejected|refused|blocked|denied)");
  private static final Pattern GENERIC_SOFT =
      Pattern.compile("(?i)(temporar(y|ily)|deferred|delayed|timed? ?out|will retry)");
  private static final Pattern[] HARD_THEN_SOFT = {
    SPECIFIC_HARD, SPECIFIC_SOFT, GENERIC_HARD, GENERIC_SOFT
  };

  /**
   * Where a returned copy of the original begins in a plain-text bounce: nothing after it is the
   * notice.
   */
  private static final Pattern ORIGINAL_FOLLOWS =
      Pattern.compile(
          "(?im)^[ \\t>-]*(-+ ?(original message|this is a copy of|below this line is a copy)|"
              + "-+ ?original message follows|original message follows|below is a copy of the original|"
              + "------ this is a copy of the message|--- below this line is a copy|"
              + "-+ ?(the )?(original|returned) (message|mail|headers)|"
              + "original mail as follows|the original message was:|"
              + "----- (original|unsent|returned) message)");

  private BounceText() {}

  /** The text up to where a returned copy of the original message starts. */
  static String notice(String text) {
    Matcher m = ORIGINAL_FOLLOWS.matcher(text);
    return m.find() && m.start() > 0 ? text.substring(0, m.start()) : text;
  }

  static Verdict judge(String subject, String text) {
    List<String> codes = failureCodes(text);
    if (DELAY_SUBJECT.matcher(subject).find())
      return new Verdict(Kind.BOUNCE_SOFT, codes, "a delay warning: " + subject);
    Matcher delay = DELAY_TEXT.matcher(text);
    if (delay.find())
      return new Verdict(Kind.BOUNCE_SOFT, codes, "a delay warning: \"" + delay.group() + "\"");
    List<String> decisive = statusLines(text);
    if (decisive.isEmpty()) decisive = codes;
    if (StatusCodes.anyOfClass(decisive, '5'))
      return new Verdict(Kind.BOUNCE_HARD, codes, "permanent failure code " + first(decisive, '5'));
    Matcher nonexistent = NONEXISTENT.matcher(text);
    if (nonexistent.find())
      return new Verdict(
          Kind.BOUNCE_HARD, codes, "the address does not exist: \"" + nonexistent.group() + "\"");
    if (StatusCodes.anyOfClass(decisive, '4'))
      return new Verdict(Kind.BOUNCE_SOFT, codes, "temporary failure code " + first(decisive, '4'));
    for (Pattern phrases : HARD_THEN_SOFT) {
      Matcher m = phrases.matcher(text);
      if (m.find()) {
        Kind kind =
            phrases == SPECIFIC_HARD || phrases == GENERIC_HARD
                ? Kind.BOUNCE_HARD
                : Kind.BOUNCE_SOFT;
        return new Verdict(kind, codes, "\"" + m.group() + "\"");
      }
    }
    return new Verdict(
        Kind.BOUNCE_HARD, codes, "returned undelivered with no code and no sign of a retry");
  }

  /** True when the text names a status code or a failure cause: evidence of a bounce. */
  static boolean hasEvidence(String text) {
    if (!failureCodes(text).isEmpty() || NONEXISTENT.matcher(text).find()) return true;
    for (Pattern phrases : HARD_THEN_SOFT) if (phrases.matcher(text).find()) return true;
    return false;
  }

  /** The 4.x.x / 5.x.x enhanced codes and 4xx / 5xx reply codes in the text. */
  static List<String> failureCodes(String text) {
    List<String> codes = new ArrayList<>();
    for (String c : StatusCodes.all(text)) if (c.charAt(0) != '2') codes.add(c);
    return codes;
  }

  private static List<String> statusLines(String text) {
    List<String> codes = new ArrayList<>();
    Matcher m = STATUS_LINE.matcher(text);
    while (m.find()) if (m.group(1).charAt(0) != '2') codes.add(m.group(1));
    return codes;
  }

  private static String first(List<String> codes, char cls) {
    for (String c : codes) if (c.charAt(0) == cls) return c;
    return "";
  }
}
