package dev.rapport.draft;

import static dev.rapport.draft.DraftStatus.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which status a draft may go to from which: the table {@link DraftLifecycle} writes by, as {@code
 * contact/StageMachine} is for a contact's stage. SENT, REJECTED and CANCELLED are final. A write
 * that leaves a draft in its status (an edit of a PENDING draft) is no transition.
 */
public final class DraftTransitions {
  private static final Map<DraftStatus, Set<DraftStatus>> NEXT = new EnumMap<>(DraftStatus.class);

  static {
    // reviewed; or overtaken (a nudge after a reply); or a note off email the user sent by hand
    allow(PENDING, APPROVED, REJECTED, CANCELLED, SENT);
    // PENDING again when edited, readdressed or its thread moved on; SENDING when the outbox claims
    // it; FAILED when it cannot become a safe message; SENT by hand (off email)
    allow(APPROVED, PENDING, SENDING, REJECTED, CANCELLED, FAILED, SENT);
    // the server's answer; APPROVED again for a retry, or when the account could not be used
    allow(SENDING, SENT, APPROVED, FAILED, UNCERTAIN);
    // the user's decision: it did arrive (or its copy was found), or send it again
    allow(UNCERTAIN, SENT, APPROVED);
    allow(FAILED, APPROVED);
    allow(SENT);
    allow(REJECTED);
    allow(CANCELLED);
  }

  private DraftTransitions() {}

  private static void allow(DraftStatus from, DraftStatus... to) {
    Set<DraftStatus> next = EnumSet.noneOf(DraftStatus.class);
    next.addAll(Arrays.asList(to));
    NEXT.put(from, Collections.unmodifiableSet(next));
  }

  /** The statuses a draft in {@code from} may go to; empty for a final one. */
  public static Set<DraftStatus> next(DraftStatus from) {
    return NEXT.get(from);
  }

  public static boolean allowed(DraftStatus from, DraftStatus to) {
    return NEXT.get(from).contains(to);
  }

  /** Refuses a move the table does not allow, saying what the draft may do instead. */
  public static void check(DraftStatus from, DraftStatus to) {
    if (allowed(from, to)) return;
    Set<DraftStatus> next = NEXT.get(from);
    throw new DraftStateException(
        "A draft cannot go from "
            + from
            + " to "
            + to
            + (next.isEmpty()
                ? "; " + from + " is final."
                : "; from " + from + " it goes only to " + names(next) + "."));
  }

  /**
   * The SQL condition a write to {@code to} is guarded by: "status = 'A'" or "status IN ('A',
   * 'B')". Each of {@code from} must be allowed to go to {@code to} (or be {@code to} itself: no
   * move), so a write can never encode a transition the table refuses.
   */
  static String guard(DraftStatus to, DraftStatus... from) {
    for (DraftStatus f : from) if (f != to) check(f, to);
    return from.length == 1
        ? "status = '" + from[0] + "'"
        : Arrays.stream(from)
            .map(s -> "'" + s + "'")
            .collect(Collectors.joining(", ", "status IN (", ")"));
  }

  private static String names(Set<DraftStatus> statuses) {
    return statuses.stream().map(Enum::name).collect(Collectors.joining(", "));
  }
}
