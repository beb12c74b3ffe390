package dev.rapport.outbox;

import dev.rapport.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions of one pass. Marking a delivered draft SENT is held back and committed together
 * with the pass's next write (usually the next draft's APPROVED → SENDING), which halves the
 * commits of a batch without weakening either rule: SENT is committed after the server took the
 * message, SENDING before the next exchange begins.
 */
final class PassTransactions {
  private static final Logger log = LoggerFactory.getLogger(OutboxService.class);

  private final Database db;
  private Database.Work<Void> pendingSent;

  PassTransactions(Database db) {
    this.db = db;
  }

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
   * Commits a held-back SENT on its own; if even that fails the draft stays SENDING, for reconcile
   * to settle.
   */
  void flush() {
    Database.Work<Void> last = pendingSent;
    pendingSent = null;
    if (last == null) return;
    try {
      db.transaction(last);
    } catch (RuntimeException e) {
      log.error("a delivered draft could not be marked SENT and stays SENDING: {}", e.getMessage());
    }
  }
}
