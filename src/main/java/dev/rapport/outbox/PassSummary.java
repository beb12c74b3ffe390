package dev.rapport.outbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What one outbox pass did, and the one line {@code sync} prints about it. */
public record PassSummary(
    int reconciledSent,
    int reconciledUncertain,
    int reconcileDeferred,
    int sent,
    List<String> failed,
    int retrying,
    int uncertain,
    long waiting,
    Optional<Instant> waitUntil,
    Optional<String> unreachable) {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  public PassSummary {
    failed = List.copyOf(failed);
  }

  /** A pass that found nothing to do. */
  static PassSummary nothing() {
    return new PassSummary(0, 0, 0, 0, List.of(), 0, 0, 0, Optional.empty(), Optional.empty());
  }

  /** Interrupted sends settled after a crash: found SENT, now UNCERTAIN, or still SENDING. */
  static PassSummary reconciled(int sentFound, int uncertainFound, int deferred) {
    return new PassSummary(
        sentFound,
        uncertainFound,
        deferred,
        0,
        List.of(),
        0,
        0,
        0,
        Optional.empty(),
        Optional.empty());
  }

  /** Nothing sent: the user paused sending, {@code waiting} drafts are APPROVED. */
  static PassSummary paused(long waiting) {
    return nothing().withWaiting(waiting, Optional.empty());
  }

  /** Nothing sent: the cap or the window holds {@code waiting} drafts back until {@code until}. */
  static PassSummary held(long waiting, Optional<Instant> until) {
    return nothing().withWaiting(waiting, until);
  }

  /**
   * What a pass sent and what became of the rest; add what still waits with {@link #withWaiting}.
   */
  static PassSummary sent(
      int sent, List<String> failed, int retrying, int uncertain, Optional<String> unreachable) {
    return new PassSummary(
        0, 0, 0, sent, failed, retrying, uncertain, 0, Optional.empty(), unreachable);
  }

  /**
   * This summary with {@code count} drafts still APPROVED, the soonest able to go at {@code until}.
   */
  PassSummary withWaiting(long count, Optional<Instant> until) {
    return new PassSummary(
        reconciledSent,
        reconciledUncertain,
        reconcileDeferred,
        sent,
        failed,
        retrying,
        uncertain,
        count,
        until,
        unreachable);
  }

  /** True when something happened that is worth a log line. */
  public boolean eventful() {
    return reconciledSent
            + reconciledUncertain
            + reconcileDeferred
            + sent
            + failed.size()
            + retrying
            + uncertain
        > 0;
  }

  /** This pass's sending with the interrupted sends settled before it. */
  public PassSummary after(PassSummary settled) {
    return new PassSummary(
        settled.reconciledSent,
        settled.reconciledUncertain,
        settled.reconcileDeferred,
        sent,
        failed,
        retrying,
        uncertain,
        waiting,
        waitUntil,
        unreachable);
  }

  /**
   * One line for people: "Sent 2; 1 failed (draft 5: 550 no such user); 3 waiting for the sending
   * window (Mon 23 Nov 09:00)."
   */
  public String line(ZoneId zone) {
    List<String> parts = new ArrayList<>();
    if (reconciledSent > 0)
      parts.add(reconciledSent + " interrupted send(s) found in the Sent folder and marked SENT");
    if (reconciledUncertain > 0) {
      parts.add(
          reconciledUncertain
              + " interrupted send(s) now UNCERTAIN (see 'drafts list --status UNCERTAIN', then 'drafts resolve ID --sent|--resend')");
    }
    if (reconcileDeferred > 0) {
      parts.add(
          reconcileDeferred
              + " interrupted send(s) still SENDING: the Sent folder could not be searched; it is"
              + " looked at again later, nothing is resent meanwhile");
    }
    parts.add("sent " + sent);
    if (!failed.isEmpty()) parts.add(failed.size() + " failed (" + String.join("; ", failed) + ")");
    if (retrying > 0)
      parts.add(retrying + " will be retried" + unreachable.map(u -> " (" + u + ")").orElse(""));
    if (uncertain > 0)
      parts.add(
          uncertain
              + " UNCERTAIN: the server did not confirm; resolve with 'drafts resolve ID --sent|--resend'");
    if (waiting > 0) {
      parts.add(
          waiting
              + " waiting"
              + waitUntil
                  .map(t -> " for the sending window (" + WHEN.format(t.atZone(zone)) + ")")
                  .orElse(""));
    }
    String text = String.join("; ", parts);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
  }
}
