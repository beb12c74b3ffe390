package dev.rapport.draft;

import dev.rapport.RapportException;
import dev.rapport.store.Database;
import dev.rapport.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Outreach for many contacts ({@code outreach 1 … 1000}, {@code next --draft}) in a few
 * transactions instead of one per contact: a commit serialises H2's changed pages, and at one per
 * draft that was a quarter of the command's work (docs/BENCH.md).
 *
 * <p>Each contact is still handled on its own: its checks, rendering and writes run after a
 * savepoint, and a contact that fails (a template error, a state that forbids a draft, an unknown
 * id) is rolled back to it and named, while the others in the chunk are drafted. A chunk is
 * committed whole or not at all, so a run that is killed leaves every draft of the committed chunks
 * with its event and nothing of the chunk it was in; run again, it refuses the contacts already
 * drafted ("already has outreach draft N") and drafts the rest. Outcomes are reported only once
 * their chunk is committed: nothing is said to be drafted that a kill could still take back.
 */
public final class OutreachBatch {
  /** Contacts per transaction: few commits, and little work lost when a run is killed. */
  static final int CHUNK = 100;

  /** One contact's outcome: its draft, or the error that says why it has none. */
  public record Outcome(long contactId, Draft draft, RapportException failure) {
    public boolean drafted() {
      return draft != null;
    }
  }

  /** Drafts one contact's outreach inside the caller's transaction, or throws why not. */
  @FunctionalInterface
  interface Drafter {
    Draft draft(Connection c, long contactId);
  }

  private final Database db;
  private final Drafter drafter;
  private final int chunk;

  OutreachBatch(Database db, Drafter drafter) {
    this(db, drafter, CHUNK);
  }

  OutreachBatch(Database db, Drafter drafter, int chunk) {
    this.db = db;
    this.drafter = drafter;
    this.chunk = chunk;
  }

  /** Drafts for {@code contactIds} in their order; each outcome goes to {@code each}, in order. */
  void run(List<Long> contactIds, Consumer<Outcome> each) {
    for (int from = 0; from < contactIds.size(); from += chunk) {
      List<Long> part = contactIds.subList(from, Math.min(contactIds.size(), from + chunk));
      List<Outcome> outcomes;
      try {
        outcomes = db.transaction(c -> chunk(c, part));
      } catch (RapportException e) {
        // The chunk could not be written as a whole (its commit failed, say): each contact in a
        // transaction of its own, as before batching, so one bad write costs one draft.
        outcomes = oneByOne(part);
      }
      outcomes.forEach(each);
    }
  }

  private List<Outcome> chunk(Connection c, List<Long> contactIds) {
    List<Outcome> outcomes = new ArrayList<>(contactIds.size());
    for (long id : contactIds) {
      Savepoint before = savepoint(c);
      try {
        outcomes.add(new Outcome(id, drafter.draft(c, id), null));
      } catch (RapportException e) {
        rollback(c, before);
        outcomes.add(new Outcome(id, null, e));
      }
    }
    return outcomes;
  }

  private List<Outcome> oneByOne(List<Long> contactIds) {
    List<Outcome> outcomes = new ArrayList<>(contactIds.size());
    for (long id : contactIds) {
      try {
        outcomes.add(new Outcome(id, db.transaction(c -> drafter.draft(c, id)), null));
      } catch (RapportException e) {
        outcomes.add(new Outcome(id, null, e));
      }
    }
    return outcomes;
  }

  private static Savepoint savepoint(Connection c) {
    try {
      return c.setSavepoint();
    } catch (SQLException e) {
      throw new StoreException("The database could not set a savepoint: " + e.getMessage(), e);
    }
  }

  private static void rollback(Connection c, Savepoint to) {
    try {
      c.rollback(to);
    } catch (SQLException e) {
      throw new StoreException("The database could not roll back a draft: " + e.getMessage(), e);
    }
  }
}
