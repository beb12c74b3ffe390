package dev.rapport.outbox;

import dev.rapport.store.Database;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions of one pass. Marking delivered drafts SENT (once their Sent copies are done) is
 * held back and committed together with the pass's next write (usually the next draft's APPROVED →
 * SENDING), which halves the commits of a batch without weakening either rule: SENT is committed
 * after the server took the message and its copy was dealt with, SENDING before the next exchange
 * begins.
 */
final class PassTransactions {
  private static final Logger log = LoggerFactory.getLogger(OutboxService.class);

  private final Database db;
  private List<Database.Work<Void>> pendingSent = new ArrayList<>();

  PassTransactions(Database db) {
    this.db = db;
  }

  <T> T run(Database.Work<T> work) {
    List<Database.Work<Void>> before = pendingSent;
    pendingSent = new ArrayList<>();
    try {
      return db.transaction(
          c -> {
            for (Database.Work<Void> sent : before) sent.run(c);
            return work.run(c);
          });
    } catch (RuntimeException e) {
      before.addAll(pendingSent);
      pendingSent = before; // rolled back with the rest: try them again on their own
      throw e;
    }
  }

  void markSentWithNext(Database.Work<Void> sent) {
    pendingSent.add(sent);
  }

  /**
   * Commits the held-back SENTs together; if that fails, each on its own, so one draft that changed
   * meanwhile stays SENDING alone, for reconcile to settle.
   */
  void flush() {
    List<Database.Work<Void>> held = pendingSent;
    pendingSent = new ArrayList<>();
    if (held.isEmpty()) return;
    try {
      db.transaction(
          c -> {
            for (Database.Work<Void> sent : held) sent.run(c);
            return null;
          });
      return;
    } catch (RuntimeException e) {
      if (held.size() == 1) {
        log.error(
            "a delivered draft could not be marked SENT and stays SENDING: {}", e.getMessage());
        return;
      }
    }
    for (Database.Work<Void> sent : held) {
      try {
        db.transaction(sent);
      } catch (RuntimeException e) {
        log.error(
            "a delivered draft could not be marked SENT and stays SENDING: {}", e.getMessage());
      }
    }
  }
}
