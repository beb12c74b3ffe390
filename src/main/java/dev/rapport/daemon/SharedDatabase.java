package dev.rapport.daemon;

import dev.rapport.store.DataFolder;
import dev.rapport.store.DatabaseServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shares the open database with rapport commands on a loopback port announced in db.server. */
public final class SharedDatabase implements Component {
  private static final Logger log = LoggerFactory.getLogger(SharedDatabase.class);
  private final DataFolder data;
  private DatabaseServer server;

  public SharedDatabase(DataFolder data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "database server";
  }

  @Override
  public void start() {
    server = DatabaseServer.start(data);
    log.info(
        "sharing the database with commands on 127.0.0.1:{} (announced in db.server)",
        server.port());
  }

  @Override
  public void stop() {
    server.close();
  }

  /** The port commands connect to; valid while running. */
  public int port() {
    return server.port();
  }
}
