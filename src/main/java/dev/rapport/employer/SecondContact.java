package dev.rapport.employer;

import java.time.Instant;
import java.util.List;

/**
 * The 3B7 routine's suggestion: nobody at this employer has answered within 3 business days, so
 * write to a second person there (the follow-up to the first comes at 7 business days).
 *
 * @param waitingId the contact whose outreach went unanswered (the earliest, when several)
 * @param sentAt when that outreach was sent
 * @param candidates people at the employer nobody has written to yet, closest first; empty: find
 *     one
 */
public record SecondContact(
    long employerId,
    String employer,
    long waitingId,
    String waitingName,
    Instant sentAt,
    List<Candidate> candidates) {

  public record Candidate(long id, String name, String role) {}

  /** One line for people, as {@code next}, the dashboard and the digest show it. */
  public String text() {
    String head =
        employer
            + ": no answer from "
            + waitingName
            + " in "
            + Boosters.WITHIN
            + " business days; write to a second person there";
    if (candidates.isEmpty())
      return head
          + ". Nobody else there is among your contacts: find one (add them with 'contacts add"
          + " --company \""
          + employer
          + "\"').";
    return head
        + ": "
        + String.join(
            ", ", candidates.stream().map(c -> c.name() + " (contact " + c.id() + ")").toList())
        + ".";
  }
}
