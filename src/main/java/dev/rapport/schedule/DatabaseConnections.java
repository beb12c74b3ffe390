package dev.rapport.schedule;

import dev.rapport.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import org.quartz.utils.ConnectionProvider;

/** Gives Quartz's job store connections of rapport's own database pool. */
final class DatabaseConnections implements ConnectionProvider {
  private final Database db;

  DatabaseConnections(Database db) {
    this.db = db;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return db.connection();
  }

  @Override
  public void shutdown() {
    // the pool belongs to the daemon's database part, which closes it after the scheduler stops
  }

  @Override
  public void initialize() {}
}
