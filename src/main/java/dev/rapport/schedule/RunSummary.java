package dev.rapport.schedule;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of the due jobs did: actions taken by kind, actions held back because the inbox was
 * not read up to now, failures, and the digest's outcome (empty when none was due).
 */
public record RunSummary(
    Map<Action, Integer> done, int held, List<String> failed, Optional<String> digest) {

  public int total() {
    return done.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int count(Action a) {
    return done.getOrDefault(a, 0);
  }

  /** One line for sync and the log: "Scheduled: 1 follow-up drafted, ...". */
  public String line() {
    if (total() == 0 && held == 0 && failed.isEmpty() && digest.isEmpty())
      return "Scheduled: nothing due.";
    StringBuilder b = new StringBuilder("Scheduled:");
    String sep = " ";
    for (Map.Entry<Action, Integer> e : new EnumMap<>(done).entrySet()) {
      b.append(sep).append(e.getValue()).append(' ').append(done(e.getKey()));
      sep = ", ";
    }
    if (held > 0)
      b.append(sep)
          .append(held)
          .append(" nudge(s) held (until the inbox has been read, or while paused)");
    if (!failed.isEmpty()) b.append(sep).append(failed.size()).append(" failed (see doctor)");
    digest.ifPresent(d -> b.append(total() + held + failed.size() > 0 ? "; " : " ").append(d));
    return b.append('.').toString();
  }

  private static String done(Action a) {
    return switch (a) {
      case FOLLOW_UP -> "follow-up(s) drafted";
      case NO_RESPONSE -> "contact(s) now NO_RESPONSE";
      case THANK_YOU -> "thank-you(s) drafted";
      case THANK_YOU_REMINDER -> "thank-you reminder(s)";
      case KEEP_IN_TOUCH -> "keep-in-touch note(s) drafted";
      case REFERRAL_NUDGE -> "referral nudge(s) drafted";
      case INTERVIEW_PREP -> "interview prep reminder(s)";
    };
  }
}
