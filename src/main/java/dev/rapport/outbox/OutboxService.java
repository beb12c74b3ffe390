package dev.rapport.outbox;

import dev.rapport.NotFoundException;
import dev.rapport.config.Config;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.contact.Trigger;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStateException;
import dev.rapport.draft.DraftStatus;
import dev.rapport.draft.DraftThreads;
import dev.rapport.mail.Backoff;
import dev.rapport.outbox.CrashPoints.Step;
import dev.rapport.store.Database;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends APPROVED drafts exactly once. Each draft becomes SENDING, with its Message-ID stored, in a
 * committed transaction before the SMTP exchange begins; it becomes SENT (with the contact's stage
 * trigger and a timeline event) once the server has accepted it and a copy is in the Sent folder. A
 * draft left SENDING by a process that died is looked for in the Sent folder by {@link #reconcile}:
 * SENT if its copy is there, UNCERTAIN if the folder was searched and holds none (it stays SENDING
 * while the folder cannot be searched) — and an UNCERTAIN draft goes out again only by the user's
 * {@code drafts resolve ID --resend}.
 */
public final class OutboxService {
  private static final Logger log = LoggerFactory.getLogger(OutboxService.class);
  static final int MAX_ATTEMPTS = 10;
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final Duration LONGEST_RETRY = Duration.ofHours(1);

  private final Database db;
  private final ContactService contacts;
  private final Config.Me me;
  private final SendWindow window;
  private final PauseGate pauseGate;
  private final Clock clock;
  private final CrashPoints crash;
  private final OutboxStore store = new OutboxStore();
  private final MessageIds ids = new MessageIds();
  private final long pid = ProcessHandle.current().pid();
  private BooleanSupplier inboxRead = () -> true;
  private final LastLook lastLook;
  private final DraftThreads threads;
  private Instant unreachableUntil = Instant.MIN;
  private Duration unreachableBackoff = Duration.ZERO;

  public OutboxService(
      Database db, ContactService contacts, Config config, Clock clock, CrashPoints crash) {
    this(
        db,
        contacts,
        config.me(),
        config.sandbox()
            ? SendWindow.unlimited(config.pacing().timezone())
            : SendWindow.of(config.pacing()),
        clock,
        crash);
  }

  OutboxService(
      Database db,
      ContactService contacts,
      Config.Me me,
      SendWindow window,
      Clock clock,
      CrashPoints crash) {
    this.db = db;
    this.contacts = contacts;
    this.me = me;
    this.window = window;
    this.pauseGate = new PauseGate(store, window);
    this.lastLook = new LastLook(contacts, () -> inboxRead.getAsBoolean());
    this.threads = new DraftThreads(contacts);
    this.clock = clock;
    this.crash = crash;
  }

  /**
   * Holds approved nudges back while {@code inboxRead} is false (the daemon's inbox watcher has not
   * read the mailbox up to now), so a reply that is still unread stops a nudge before it goes.
   * Commands read the inbox before they send and need no gate.
   */
  public OutboxService holdNudgesUnless(BooleanSupplier inboxRead) {
    this.inboxRead = inboxRead;
    return this;
  }

  public java.time.ZoneId zone() {
    return window.zone();
  }

  /**
   * Settles drafts left SENDING by a process that is gone: SENT if a copy with their Message-ID is
   * in the Sent folder, UNCERTAIN if the folder was searched and holds none. When the folder cannot
   * be searched (the server unreachable) they stay SENDING, counted as deferred, for a later
   * reconcile. Drafts another live process is sending are left alone.
   */
  public PassSummary reconcile(OutboxMail mail) {
    List<OutboxStore.Row> orphans =
        db.read(store::sending).stream().filter(r -> !inFlightElsewhere(r)).toList();
    if (orphans.isEmpty()) return PassSummary.nothing();
    int sent = 0;
    int uncertain = 0;
    int deferred = 0;
    String unsearchable = null;
    try (SentMailbox box = new SentMailbox(mail.imap(), mail.sent())) {
      for (OutboxStore.Row r : orphans) {
        if (unsearchable != null) {
          deferred++; // the server is not answering: not again for each draft
          continue;
        }
        String why;
        boolean found;
        try {
          found = box.contains(r.messageId());
          why =
              found
                  ? null
                  : "the process sending it ended during the SMTP exchange and no copy with Message-ID "
                      + r.messageId()
                      + " is in the Sent folder";
        } catch (MessagingException | RuntimeException e) {
          // Not searched is not "not found": it stays SENDING (never resent) and is looked for
          // again at the next reconcile.
          unsearchable = String.valueOf(e.getMessage());
          deferred++;
          continue;
        }
        if (found) {
          Instant now = clock.instant();
          db.transaction(
              c ->
                  markSent(
                      c,
                      r,
                      r.messageId(),
                      now,
                      null,
                      "found in the Sent folder after an interrupted send",
                      null));
          sent++;
          log.info("draft {} was left SENDING; its copy is in the Sent folder: SENT", r.id());
        } else {
          String reason = why;
          db.transaction(
              c -> {
                if (store.uncertain(c, r.id(), reason, clock.instant())) {
                  contacts.record(
                      c,
                      r.contactId(),
                      EventType.DRAFT_UNCERTAIN,
                      "draft "
                          + r.id()
                          + " UNCERTAIN: "
                          + reason
                          + "; decide with 'drafts resolve "
                          + r.id()
                          + " --sent' or '--resend'",
                      Link.draft(r.id()));
                }
                return null;
              });
          uncertain++;
          log.warn("draft {} was left SENDING and is now UNCERTAIN: {}", r.id(), reason);
        }
      }
    }
    if (deferred > 0) {
      log.warn(
          "{} draft(s) left SENDING stay SENDING: the Sent folder could not be searched ({});"
              + " they are looked for again later and are not resent meanwhile",
          deferred,
          unsearchable);
    }
    return PassSummary.nothing().withReconciled(sent, uncertain, deferred);
  }

  /**
   * Cheap: true when some APPROVED draft is due and the cap and the window (in its contact's zone)
   * allow a send now.
   */
  public boolean hasWork() {
    Instant now = clock.instant();
    if (now.isBefore(unreachableUntil)) return false;
    return db.read(
        c -> {
          Set<String> zones = store.zones(c, now);
          if (zones.isEmpty()) return false;
          long started = store.startedSince(c, window.dayStart(now));
          return !openZones(zones, now, started, pauseGate.at(c, now)).isEmpty();
        });
  }

  /** Of {@code zones} (as stored), those in which one more send is allowed at {@code t}. */
  private Set<String> openZones(
      Set<String> zones, Instant t, long started, PauseGate.Verdict gate) {
    Set<String> open = new HashSet<>();
    for (String z : zones) {
      if (!gate.later(window.nextAllowed(t, started, OutboxStore.zone(z))).isAfter(t)) open.add(z);
    }
    return open;
  }

  /**
   * The soonest moment after {@code t} at which one of the APPROVED drafts may go (the cap, the
   * pause and each contact's window), or empty when one may go now or none waits.
   */
  private Optional<Instant> waitUntil(Instant t, long started) {
    return db.read(
        c -> {
          PauseGate.Verdict gate = pauseGate.at(c, t);
          Optional<Instant> soonest = Optional.empty();
          for (String z : store.zones(c, null)) {
            Instant at = gate.later(window.nextAllowed(t, started, OutboxStore.zone(z)));
            if (soonest.isEmpty() || at.isBefore(soonest.get())) soonest = Optional.of(at);
          }
          return soonest.filter(at -> at.isAfter(t));
        });
  }

  /** Sends what is APPROVED, due and allowed now, over one SMTP connection. */
  public PassSummary sendDue(OutboxMail mail) {
    Instant now = clock.instant();
    long[] started = {db.read(c -> store.startedSince(c, window.dayStart(now)))};
    PauseGate.Verdict gate = db.read(c -> pauseGate.at(c, now));
    if (gate.paused()) {
      long approved = db.read(store::countApproved);
      return new PassSummary(
          0, 0, 0, 0, List.of(), 0, 0, approved, Optional.empty(), Optional.empty());
    }
    // The cap and the pause are the user's; the window is each contact's (docs/OUTBOX.md).
    long room = window.leftToday(started[0]);
    long limit = gate.oneAtATime() ? Math.min(1, room) : room;
    Set<String> open = db.read(c -> openZones(store.zones(c, now), now, started[0], gate));
    if (open.isEmpty() || limit == 0) {
      long approved = db.read(store::countApproved);
      return new PassSummary(
          0,
          0,
          0,
          0,
          List.of(),
          0,
          0,
          approved,
          approved > 0 ? waitUntil(now, started[0]) : Optional.empty(),
          Optional.empty());
    }
    List<OutboxStore.Row> due = db.read(c -> store.due(c, now, limit, open));
    int sent = 0;
    int retrying = 0;
    int uncertain = 0;
    List<String> failed = new ArrayList<>();
    Optional<String> unreachable = Optional.empty();
    boolean loginRefused = false;
    Transactions tx = new Transactions();
    try (SmtpSession smtp = new SmtpSession(mail.smtp(), mail.readTimeout());
        SentMailbox copies = new SentMailbox(mail.imap(), mail.sent())) {
      for (OutboxStore.Row row : due) {
        long id = row.id();
        Instant t = clock.instant();
        if (window.leftToday(started[0]) == 0) break;
        if (window.nextAllowed(t, started[0], row.zone()).isAfter(t)) continue;
        Claim claim = claim(tx, row, smtp.session(), t);
        if (claim == null) continue; // taken by another process, or changed since the list was read
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
            SentMailbox.Copy copy = copies.append(claim.message());
            Instant at = clock.instant();
            tx.markSentWithNext(
                c ->
                    markSent(
                        c,
                        claim.row(),
                        claim.outgoing().messageId(),
                        at,
                        copy,
                        "sent" + sentCopy(copy),
                        "server: " + outcome.detail()));
            log.info(
                "sent draft {} to {} as {}",
                id,
                claim.outgoing().to(),
                claim.outgoing().messageId());
            sent++;
          }
          case RETRY -> {
            started[0]--;
            retrying++;
            if (outcome.unreachable()) {
              // The account's trouble, not the draft's: the whole outbox backs off
              // (noteReachability), and the draft's own attempts are not spent on it, so a
              // wrong password or a server down for a day never turns approved drafts FAILED.
              waitForTheAccount(tx, claim.row(), outcome.detail());
              unreachable = Optional.of(outcome.detail());
            } else {
              retry(tx, claim.row(), outcome.detail());
            }
            loginRefused |= outcome.loginRefused();
          }
          case FAILED -> {
            fail(tx, claim.row(), "the server refused it: " + outcome.detail());
            failed.add("draft " + id + ": " + outcome.detail());
          }
          case UNCERTAIN -> {
            toUncertain(tx, claim.row(), outcome.detail());
            uncertain++;
          }
        }
        if (unreachable.isPresent()) break;
      }
    } finally {
      tx.flush();
    }
    noteReachability(unreachable, loginRefused, now);
    Instant after = clock.instant();
    long waiting = db.read(store::countApproved);
    Optional<Instant> until = waiting == 0 ? Optional.empty() : waitUntil(after, started[0]);
    return new PassSummary(0, 0, 0, sent, failed, retrying, uncertain, waiting, until, unreachable);
  }

  /**
   * The user's decision on an UNCERTAIN draft. {@code sent}: it did arrive — SENT, with the
   * contact's stage trigger. Otherwise: back to APPROVED, to go out at the next pass with the same
   * Message-ID, so that a receiving system that has the first copy can recognise the second as the
   * same message. A FAILED draft (never retried by itself) can only be queued again.
   */
  public void resolve(long id, boolean sent) {
    db.transaction(
        c -> {
          OutboxStore.Row r =
              store
                  .lock(c, id)
                  .orElseThrow(() -> new NotFoundException("There is no draft " + id + "."));
          boolean failed = r.status() == DraftStatus.FAILED;
          if (r.status() != DraftStatus.UNCERTAIN && !failed) {
            throw new DraftStateException(
                "Draft "
                    + id
                    + " is "
                    + r.status()
                    + "; only an UNCERTAIN draft (one whose sending was interrupted) or a FAILED one is resolved.");
          }
          if (failed && sent) {
            throw new DraftStateException(
                "Draft "
                    + id
                    + " FAILED: the server refused it or it could not be sent, so it did not arrive;"
                    + " 'drafts resolve "
                    + id
                    + " --resend' queues it again.");
          }
          Instant now = clock.instant();
          if (failed) {
            store.resend(c, id, now);
            contacts.record(
                c,
                r.contactId(),
                EventType.DRAFT_RESOLVED,
                "draft " + id + " FAILED before; queued to be sent again by the user's decision",
                Link.command("drafts resolve"));
            return null;
          }
          if (sent) {
            markSent(
                c,
                r,
                r.messageId(),
                now,
                null,
                "marked SENT by the user with 'drafts resolve --sent'",
                null);
            contacts.record(
                c,
                r.contactId(),
                EventType.DRAFT_RESOLVED,
                "draft " + id + " resolved as sent by the user",
                "Message-ID " + r.messageId(),
                Link.command("drafts resolve"));
          } else {
            store.resend(c, id, now);
            contacts.record(
                c,
                r.contactId(),
                EventType.DRAFT_RESOLVED,
                "draft "
                    + id
                    + " to be sent again by the user's decision, as the same message as the"
                    + " interrupted attempt",
                "Message-ID " + r.messageId(),
                Link.command("drafts resolve"));
          }
          return null;
        });
  }

  /** Sent messages without a copy in a Sent folder (none found, or the append failed). */
  public long uncopied() {
    return db.read(store::countUncopied);
  }

  private record Claim(
      OutboxStore.Row row, Outgoing outgoing, MimeMessage message, String unsendable) {}

  /**
   * The transactions of one pass. Marking a delivered draft SENT is held back and committed
   * together with the pass's next write (usually the next draft's APPROVED → SENDING), which halves
   * the commits of a batch without weakening either rule: SENT is committed after the server took
   * the message, SENDING before the next exchange begins.
   */
  private final class Transactions {
    private Database.Work<Void> pendingSent;

    <T> T run(Database.Work<T> work) {
      Database.Work<Void> before = pendingSent;
      pendingSent = null;
      try {
        return db.transaction(
            c -> {
              if (before != null) before.run(c);
              return work.run(c);
            });
      } catch (RuntimeException e) {
        pendingSent = before; // rolled back with the rest: try it again on its own
        throw e;
      }
    }

    void markSentWithNext(Database.Work<Void> sent) {
      if (pendingSent != null) flush();
      pendingSent = sent;
    }

    /**
     * Commits a held-back SENT on its own; if even that fails the draft stays SENDING, for
     * reconcile to settle.
     */
    void flush() {
      Database.Work<Void> last = pendingSent;
      pendingSent = null;
      if (last == null) return;
      try {
        db.transaction(last);
      } catch (RuntimeException e) {
        log.error(
            "a delivered draft could not be marked SENT and stays SENDING: {}", e.getMessage());
      }
    }
  }

  /**
   * APPROVED → SENDING in a committed transaction, with the message built and checked; null if the
   * draft changed.
   */
  private Claim claim(Transactions tx, OutboxStore.Row r, Session session, Instant now) {
    return tx.run(
        c -> {
          long id = r.id();
          if (!lastLook.stillWanted(c, r, now)) return null;
          if (!DraftThreads.current(c, r.contactId(), r.kind(), r.inReplyTo())) {
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
            if (!store.failUnsendable(c, r, reason, now)) return null;
            contacts.record(
                c,
                r.contactId(),
                EventType.DRAFT_FAILED,
                "draft " + id + " FAILED, " + reason,
                Link.draft(id));
            log.warn("draft {} FAILED before sending: {}", id, e.getMessage());
            return new Claim(r, o, null, e.getMessage());
          }
          if (!store.claim(c, r, messageId, now, pid)) return null;
          return new Claim(r, o, message, null);
        });
  }

  /** The message this draft would be sent as now; see {@link MessagePreviews}. */
  public MessagePreview preview(long id) {
    return new MessagePreviews(db, store, me, clock).preview(id);
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

  private Void markSent(
      Connection c,
      OutboxStore.Row r,
      String messageId,
      Instant at,
      SentMailbox.Copy copy,
      String how,
      String serverReply) {
    if (!store.sent(c, r.id(), at, copy == null ? null : copy.name(), clock.instant())) {
      throw new DraftStateException("Draft " + r.id() + " changed while it was being marked SENT.");
    }
    contacts.record(
        c,
        r.contactId(),
        EventType.DRAFT_SENT,
        r.kind() + " draft " + r.id() + " to " + r.to() + ": " + how,
        "Message-ID " + messageId + (serverReply == null ? "" : "; " + serverReply),
        Link.draft(r.id()));
    threads.follow(c, r.contactId(), clock.instant());
    trigger(r.kind())
        .ifPresent(
            t ->
                contacts.apply(
                    c, r.contactId(), t, "draft " + r.id() + " sent", Link.draft(r.id())));
    crash.reach(Step.BEFORE_SENT_COMMIT);
    return null;
  }

  private void retry(Transactions tx, OutboxStore.Row r, String error) {
    Instant now = clock.instant();
    int attempts = r.attempts() + 1;
    tx.run(
        c -> {
          if (attempts >= MAX_ATTEMPTS) {
            String reason = "gave up after " + attempts + " attempts; the last: " + error;
            if (store.fail(c, r.id(), reason, now)) {
              contacts.record(
                  c,
                  r.contactId(),
                  EventType.DRAFT_FAILED,
                  "draft " + r.id() + " FAILED: " + reason,
                  Link.draft(r.id()));
            }
            return null;
          }
          Instant next = now.plus(backoff(attempts));
          if (store.retry(c, r.id(), error, next, now)) {
            contacts.record(
                c,
                r.contactId(),
                EventType.DRAFT_SEND_DEFERRED,
                "draft "
                    + r.id()
                    + " not sent (attempt "
                    + attempts
                    + "): "
                    + error
                    + "; next try after "
                    + next,
                Link.draft(r.id()));
          }
          return null;
        });
    log.info("draft {} not sent (attempt {}), will retry: {}", r.id(), attempts, error);
  }

  /** SENDING → APPROVED as it was: no attempt counted, no event; the outbox as a whole waits. */
  private void waitForTheAccount(Transactions tx, OutboxStore.Row r, String error) {
    tx.run(c -> store.release(c, r.id(), error, clock.instant()));
    log.info("draft {} not sent, the mail server could not be used: {}", r.id(), error);
  }

  private void fail(Transactions tx, OutboxStore.Row r, String reason) {
    tx.run(
        c -> {
          if (store.fail(c, r.id(), reason, clock.instant())) {
            contacts.record(
                c,
                r.contactId(),
                EventType.DRAFT_FAILED,
                "draft " + r.id() + " FAILED: " + reason,
                Link.draft(r.id()));
          }
          return null;
        });
    log.warn("draft {} FAILED: {}", r.id(), reason);
  }

  private void toUncertain(Transactions tx, OutboxStore.Row r, String reason) {
    tx.run(
        c -> {
          if (store.uncertain(c, r.id(), reason, clock.instant())) {
            contacts.record(
                c,
                r.contactId(),
                EventType.DRAFT_UNCERTAIN,
                "draft "
                    + r.id()
                    + " UNCERTAIN: "
                    + reason
                    + "; decide with 'drafts resolve "
                    + r.id()
                    + " --sent' or '--resend'",
                Link.draft(r.id()));
          }
          return null;
        });
    log.warn("draft {} UNCERTAIN: {}", r.id(), reason);
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

  private boolean inFlightElsewhere(OutboxStore.Row r) {
    if (r.sendingPid() == null || r.sendingPid() == pid) return false;
    return ProcessHandle.of(r.sendingPid()).map(ProcessHandle::isAlive).orElse(false);
  }
}
