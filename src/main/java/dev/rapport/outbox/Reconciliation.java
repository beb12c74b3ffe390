package dev.rapport.outbox;

import dev.rapport.draft.DraftLifecycle;
import dev.rapport.store.Database;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a crash: settles drafts left SENDING by a process that is gone, by looking for their
 * Message-ID in the Sent folder.
 */
final class Reconciliation {
  private static final Logger log = LoggerFactory.getLogger(OutboxService.class);

  private final Database db;
  private final OutboxStore store;
  private final DraftLifecycle lifecycle;
  private final SendTransitions transitions;
  private final Clock clock;
  private final long pid = ProcessHandle.current().pid();

  Reconciliation(
      Database db,
      OutboxStore store,
      DraftLifecycle lifecycle,
      SendTransitions transitions,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.lifecycle = lifecycle;
    this.transitions = transitions;
    this.clock = clock;
  }

  /**
   * Settles drafts left SENDING by a process that is gone: SENT if a copy with their Message-ID is
   * in the Sent folder, UNCERTAIN if the folder was searched and holds none. When the folder cannot
   * be searched (the server unreachable) they stay SENDING, counted as deferred, for a later
   * reconcile. Drafts another live process is sending are left alone.
   */
  PassSummary reconcile(OutboxMail mail) {
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
                  transitions.markSent(
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
          db.transaction(c -> lifecycle.uncertain(c, r.draft(), reason, clock.instant()));
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
    return PassSummary.reconciled(sent, uncertain, deferred);
  }

  private boolean inFlightElsewhere(OutboxStore.Row r) {
    if (r.sendingPid() == null || r.sendingPid() == pid) return false;
    return ProcessHandle.of(r.sendingPid()).map(ProcessHandle::isAlive).orElse(false);
  }
}
