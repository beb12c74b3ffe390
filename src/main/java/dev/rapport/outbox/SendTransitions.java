package dev.rapport.outbox;

import dev.rapport.contact.ContactService;
import dev.rapport.contact.Link;
import dev.rapport.contact.Trigger;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftLifecycle;
import dev.rapport.draft.DraftStateException;
import dev.rapport.draft.DraftThreads;
import dev.rapport.outbox.CrashPoints.Step;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a draft once the server has answered: SENT (with the contact's stage trigger and
 * the thread followed), retried later with a backoff, FAILED, or UNCERTAIN.
 */
final class SendTransitions {
  private static final Logger log = LoggerFactory.getLogger(OutboxService.class);
  static final int MAX_ATTEMPTS = 10;
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final Duration LONGEST_RETRY = Duration.ofHours(1);

  private final DraftLifecycle lifecycle;
  private final ContactService contacts;
  private final DraftThreads threads;
  private final Clock clock;
  private final CrashPoints crash;

  SendTransitions(
      DraftLifecycle lifecycle, ContactService contacts, Clock clock, CrashPoints crash) {
    this.lifecycle = lifecycle;
    this.contacts = contacts;
    this.threads = new DraftThreads(contacts);
    this.clock = clock;
    this.crash = crash;
  }

  Void markSent(
      Connection c,
      OutboxStore.Row r,
      String messageId,
      Instant at,
      SentMailbox.Copy copy,
      String how,
      String serverReply) {
    if (!lifecycle.sent(
        c,
        r.draft(),
        at,
        copy == null ? null : copy.name(),
        how,
        "Message-ID " + messageId + (serverReply == null ? "" : "; " + serverReply),
        clock.instant())) {
      throw new DraftStateException("Draft " + r.id() + " changed while it was being marked SENT.");
    }
    threads.follow(c, r.contactId(), clock.instant());
    trigger(r.kind())
        .ifPresent(
            t ->
                contacts.apply(
                    c, r.contactId(), t, "draft " + r.id() + " sent", Link.draft(r.id())));
    crash.reach(Step.BEFORE_SENT_COMMIT);
    return null;
  }

  void retry(PassTransactions tx, OutboxStore.Row r, String error) {
    Instant now = clock.instant();
    int attempts = r.attempts() + 1;
    tx.run(
        c -> {
          if (attempts >= MAX_ATTEMPTS) {
            String reason = "gave up after " + attempts + " attempts; the last: " + error;
            lifecycle.fail(c, r.draft(), reason, now);
            return null;
          }
          Instant next = now.plus(backoff(attempts));
          lifecycle.retry(c, r.draft(), attempts, error, next, now);
          return null;
        });
    log.info("draft {} not sent (attempt {}), will retry: {}", r.id(), attempts, error);
  }

  /** SENDING → APPROVED as it was: no attempt counted, no event; the outbox as a whole waits. */
  void waitForTheAccount(PassTransactions tx, OutboxStore.Row r, String error) {
    tx.run(c -> lifecycle.release(c, r.id(), error, clock.instant()));
    log.info("draft {} not sent, the mail server could not be used: {}", r.id(), error);
  }

  void fail(PassTransactions tx, OutboxStore.Row r, String reason) {
    tx.run(c -> lifecycle.fail(c, r.draft(), reason, clock.instant()));
    log.warn("draft {} FAILED: {}", r.id(), reason);
  }

  void toUncertain(PassTransactions tx, OutboxStore.Row r, String reason) {
    tx.run(c -> lifecycle.uncertain(c, r.draft(), reason, clock.instant()));
    log.warn("draft {} UNCERTAIN: {}", r.id(), reason);
  }

  static Duration backoff(int attempts) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
    return min(d, LONGEST_RETRY);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static Optional<Trigger> trigger(DraftKind kind) {
    return switch (kind) {
      case OUTREACH -> Optional.of(Trigger.OUTREACH_SENT);
      case FOLLOW_UP -> Optional.of(Trigger.NUDGE_SENT);
      case THANK_YOU -> Optional.of(Trigger.THANK_YOU_SENT);
      case KEEP_IN_TOUCH -> Optional.of(Trigger.KEEP_IN_TOUCH_SENT);
      case REFERRAL_NUDGE, CONFIRM -> Optional.empty();
    };
  }
}
