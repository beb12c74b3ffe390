package dev.rapport.store;

import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * While the daemon runs, shares its open database with CLI commands over H2's TCP protocol on
 * 127.0.0.1 only, on a free port announced in {@code db.server}. The server serves this one
 * database under the name {@code rapport} ({@code -key}) and opens nothing else ({@code
 * -ifExists}); connections need the password in {@code db.secret}, which only the owner of the data
 * folder can read.
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
      Server server =
          Server.createTcpServer(
                  "-tcpPort", "0", "-ifExists", "-key", DataFolder.DB_NAME, folder.databasePath())
              .start();
      try {
        folder.announce(server.getPort());
      } catch (RuntimeException e) {
        server.stop();
        throw e;
      }
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
    folder.withdraw(server.getPort());
    server.stop();
  }
}
