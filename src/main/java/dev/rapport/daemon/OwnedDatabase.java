package dev.rapport.daemon;

import dev.rapport.App;
import dev.rapport.store.DatabaseOpener;

/** The database file, opened by the daemon as its one owner and installed in the {@link App}. */
public final class OwnedDatabase implements Component {
  private final App app;

  public OwnedDatabase(App app) {
    this.app = app;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public void start() {
    app.useDatabase(DatabaseOpener.openOwned(app.data()));
  }

  @Override
  public void stop() {
    app.closeDatabase();
  }
}
