package dev.rapport.store;

import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * While the daemon runs, shares its open database with CLI commands over H2's TCP protocol
 * on 127.0.0.1 only, on a free port announced in {@code db.server}. Connections need the
 * password in {@code db.secret}, which only the owner of the data folder can read.
 */
public final class DatabaseServer implements AutoCloseable {
  private final Server server;
  private final DataFolder folder;

  private DatabaseServer(Server server, DataFolder folder) {
    this.server = server;
    this.folder = folder;
  }

  /** Starts the server for an already opened database; see {@link LoopbackOnly}. */
  public static DatabaseServer start(DataFolder folder) {
    LoopbackOnly.require();
    try {
      Server server = Server.createTcpServer("-tcpPort", "0", "-ifExists").start();
      folder.announce(server.getPort());
      return new DatabaseServer(server, folder);
    } catch (SQLException e) {
      throw new StoreException("Cannot share the database on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    folder.withdraw();
    server.stop();
  }
}
