package dev.rapport.daemon;

import dev.rapport.store.Database;

/**
 * Where the daemon puts the database it opens as owner, so that every service of the process uses
 * that one (the {@code App} is such a slot).
 */
public interface DatabaseSlot {
  /** Installs a database this process opened; refused when one is open already. */
  void useDatabase(Database owned);

  /** Closes the installed database, if any. */
  void closeDatabase();
}
