package dev.rapport.daemon;

import dev.rapport.store.DataFolder;
import dev.rapport.store.DatabaseOpener;

/**
 * The database file, opened by the daemon as its one owner and installed in a {@link DatabaseSlot}.
 */
public final class OwnedDatabase implements Component {
  private final DataFolder data;
  private final DatabaseSlot slot;

  public OwnedDatabase(DataFolder data, DatabaseSlot slot) {
    this.data = data;
    this.slot = slot;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public void start() {
    slot.useDatabase(DatabaseOpener.openOwned(data));
  }

  @Override
  public void stop() {
    slot.closeDatabase();
  }
}
