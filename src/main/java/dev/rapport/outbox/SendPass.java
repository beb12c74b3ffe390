package dev.rapport.outbox;

import dev.rapport.config.Config;
import dev.rapport.contact.ContactService;
import dev.rapport.draft.DraftLifecycle;
import dev.rapport.draft.DraftThreads;
import dev.rapport.mail.Backoff;
import dev.rapport.outbox.CrashPoints.Step;
import dev.rapport.store.Database;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One send pass: claims each APPROVED draft that is due (SENDING committed before the SMTP
 * exchange), sends it over one SMTP connection and hands the server's answer to {@link
 * SendTransitions}; a delivered draft goes to {@link SentCopies}, which appends its Sent copy while
 * the next drafts go out, and is marked SENT in the transaction after its copy is done. After a
 * pass that could not reach the server, the next waits a while.
 */
final class SendPass {
  private static final Logger log = LoggerFactory.getLogger(OutboxService.class);

  private final Database db;
  private final DraftLifecycle lifecycle;
  private final Config.Me me;
  private final SendWindow window;
  private final SendOpenings openings;
  private final SendTransitions transitions;
  private final Clock clock;
  private final CrashPoints crash;
  private final OutboxStore store;
  private final MessageIds ids = new MessageIds();
  private final long pid = ProcessHandle.current().pid();
  private BooleanSupplier inboxRead = () -> true;
  private final LastLook lastLook;
  private final DraftThreads threads;
  private Instant unreachableUntil = Instant.MIN;
  private Duration unreachableBackoff = Duration.ZERO;

  SendPass(
      Database db,
      OutboxStore store,
      ContactService contacts,
      DraftLifecycle lifecycle,
      Config.Me me,
      SendWindow window,
      SendTransitions transitions,
      Clock clock,
      CrashPoints crash) {
    this.db = db;
    this.store = store;
    this.lifecycle = lifecycle;
    this.me = me;
    this.window = window;
    this.openings = new SendOpenings(db, store, window);
    this.transitions = transitions;
    this.lastLook = new LastLook(contacts, () -> inboxRead.getAsBoolean());
    this.threads = new DraftThreads(contacts);
    this.clock = clock;
    this.crash = crash;
  }

  /** See {@link OutboxService#holdNudgesUnless}. */
  void holdNudgesUnless(BooleanSupplier inboxRead) {
    this.inboxRead = inboxRead;
  }

  /**
   * Cheap: true when some APPROVED draft is due and the cap and the window (in its contact's zone)
   * allow a send now.
   */
  boolean hasWork() {
    Instant now = clock.instant();
    if (now.isBefore(unreachableUntil)) return false;
    return openings.anyOpen(now);
  }

  /** Sends what is APPROVED, due and allowed now, over one SMTP connection. */
  PassSummary sendDue(OutboxMail mail) {
    Instant now = clock.instant();
    long[] started = {db.read(c -> store.startedSince(c, window.dayStart(now)))};
    PauseGate.Verdict gate = openings.gate(now);
    if (gate.paused()) {
      long approved = db.read(store::countApproved);
      return PassSummary.paused(approved);
    }
    // The cap and the pause are the user's; the window is each contact's (docs/OUTBOX.md).
    long room = window.leftToday(started[0]);
    long limit = gate.oneAtATime() ? Math.min(1, room) : room;
    Set<String> open = db.read(c -> openings.openZones(store.zones(c, now), now, started[0], gate));
    if (open.isEmpty() || limit == 0) {
      long approved = db.read(store::countApproved);
      return PassSummary.held(
          approved, approved > 0 ? openings.waitUntil(now, started[0]) : Optional.empty());
    }
    List<OutboxStore.Row> due = db.read(c -> store.due(c, now, limit, open));
    int sent = 0;
    int retrying = 0;
    int uncertain = 0;
    List<String> failed = new ArrayList<>();
    Optional<String> unreachable = Optional.empty();
    boolean loginRefused = false;
    PassTransactions tx = new PassTransactions(db);
    try (SmtpSession smtp = new SmtpSession(mail.smtp(), mail.readTimeout());
        SentCopies copies =
            new SentCopies(new SentMailbox(mail.imap(), mail.sent()), !due.isEmpty())) {
      try {
        for (OutboxStore.Row row : due) {
          long id = row.id();
          Instant t = clock.instant();
          if (window.leftToday(started[0]) == 0) break;
          if (window.nextAllowed(t, started[0], row.zone()).isAfter(t)) continue;
          // The last message to this contact is SENT first: the claim checks the thread against it.
          copies.awaitCopied(row.contactId());
          markSentWithNext(tx, copies.takeCopied());
          Claim claim = claim(tx, row, smtp.session(), t);
          if (claim == null)
            continue; // taken by another process, or changed since the list was read
          if (claim.unsendable() != null) {
            failed.add("draft " + id + ": " + claim.unsendable());
            continue;
          }
          crash.reach(Step.AFTER_SENDING_COMMIT);
          started[0]++;
          SendOutcome outcome = smtp.send(claim.message());
          switch (outcome.kind()) {
            case DELIVERED -> {
              crash.reach(Step.AFTER_DATA);
              copies.add(
                  new SentCopies.Delivered(
                      claim.row(), claim.outgoing(), claim.message(), outcome.detail()));
              sent++;
            }
            case RETRY -> {
              started[0]--;
              retrying++;
              if (outcome.unreachable()) {
                // The account's trouble, not the draft's: the whole outbox backs off
                // (noteReachability), and the draft's own attempts are not spent on it, so a
                // wrong password or a server down for a day never turns approved drafts FAILED.
                transitions.waitForTheAccount(tx, claim.row(), outcome.detail());
                unreachable = Optional.of(outcome.detail());
              } else {
                transitions.retry(tx, claim.row(), outcome.detail());
              }
              loginRefused |= outcome.loginRefused();
            }
            case FAILED -> {
              transitions.fail(tx, claim.row(), "the server refused it: " + outcome.detail());
              failed.add("draft " + id + ": " + outcome.detail());
            }
            case UNCERTAIN -> {
              transitions.toUncertain(tx, claim.row(), outcome.detail());
              uncertain++;
            }
          }
          if (unreachable.isPresent()) break;
        }
      } finally {
        copies.finish();
        markSentWithNext(tx, copies.takeCopied());
        tx.flush();
      }
    }
    noteReachability(unreachable, loginRefused, now);
    Instant after = clock.instant();
    long waiting = db.read(store::countApproved);
    Optional<Instant> until =
        waiting == 0 ? Optional.empty() : openings.waitUntil(after, started[0]);
    return PassSummary.sent(sent, failed, retrying, uncertain, unreachable)
        .withWaiting(waiting, until);
  }

  /** SENT for drafts whose copies are done, committed with the pass's next transaction. */
  private void markSentWithNext(PassTransactions tx, List<SentCopies.Copied> copied) {
    Instant at = clock.instant();
    for (SentCopies.Copied one : copied) {
      SentCopies.Delivered d = one.delivered();
      tx.markSentWithNext(
          c ->
              transitions.markSent(
                  c,
                  d.row(),
                  d.outgoing().messageId(),
                  at,
                  one.copy(),
                  "sent" + sentCopy(one.copy()),
                  "server: " + d.reply()));
      log.info(
          "sent draft {} to {} as {}", d.row().id(), d.outgoing().to(), d.outgoing().messageId());
    }
  }

  private record Claim(
      OutboxStore.Row row, Outgoing outgoing, MimeMessage message, String unsendable) {}

  /**
   * APPROVED → SENDING in a committed transaction, with the message built and checked; null if the
   * draft changed.
   */
  private Claim claim(PassTransactions tx, OutboxStore.Row r, Session session, Instant now) {
    return tx.run(
        c -> {
          long id = r.id();
          if (!lastLook.stillWanted(c, r, now)) return null;
          if (!DraftThreads.current(c, r.contactId(), r.kind(), r.draft().inReplyTo())) {
            // Another message went to the contact after this draft was reviewed: it goes back to
            // the user with its new thread rather than out with headers they never saw.
            threads.follow(c, r.contactId(), now);
            log.info("draft {} waits for review again: the thread moved on", id);
            return null;
          }
          String messageId =
              r.messageId() != null ? r.messageId() : ids.next(me.email(), now.toEpochMilli());
          Outgoing o =
              Outgoing.of(r, messageId)
                  .with(new dev.rapport.draft.DraftAttachments().of(c, r.id()));
          MimeMessage message;
          try {
            message = OutgoingMessage.build(session, me, o, now);
          } catch (UnsendableDraftException e) {
            String reason = "not sent: " + e.getMessage();
            if (!lifecycle.failUnsendable(c, r.draft(), reason, now)) return null;
            log.warn("draft {} FAILED before sending: {}", id, e.getMessage());
            return new Claim(r, o, null, e.getMessage());
          }
          if (!lifecycle.claim(c, r.draft(), messageId, now, pid)) return null;
          return new Claim(r, o, message, null);
        });
  }

  /** The Sent copy in words, for the timeline. */
  private static String sentCopy(SentMailbox.Copy copy) {
    return switch (copy) {
      case COPIED -> ", with a copy in your Sent folder";
      case OFF -> "";
      case NO_FOLDER -> "; no Sent folder was found for a copy";
      case FAILED -> "; the copy in your Sent folder could not be saved";
    };
  }

  /**
   * After a pass that could not reach the server at all, the daemon waits a while before the next.
   */
  private void noteReachability(Optional<String> unreachable, boolean loginRefused, Instant now) {
    if (unreachable.isEmpty()) {
      unreachableBackoff = Duration.ZERO;
      unreachableUntil = Instant.MIN;
      return;
    }
    // A refused login waits longest: providers lock accounts that keep trying a wrong password.
    unreachableBackoff =
        Backoff.next(
            unreachableBackoff, Duration.ofSeconds(30), Duration.ofMinutes(15), loginRefused);
    unreachableUntil = now.plus(unreachableBackoff);
  }
}
