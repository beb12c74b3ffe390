package dev.rapport.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The open database: a small pool of connections and the one way to write, {@link #transaction},
 * which commits all or nothing.
 */
public final class Database implements AutoCloseable {
  private final JdbcConnectionPool pool;
  private final String description;

  Database(JdbcConnectionPool pool, String description) {
    this.pool = pool;
    this.description = description;
  }

  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c);
  }

  /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
  public <T> T transaction(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "The database could not complete a transaction: " + e.getMessage(), e);
    }
  }

  /** Runs read-only work on a connection in auto-commit mode. */
  public <T> T read(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("The database could not be read: " + e.getMessage(), e);
    }
  }

  /**
   * A connection of the pool for a library that runs its own transactions (Quartz's job store); the
   * caller closes it. rapport's own code uses {@link #transaction} and {@link #read}.
   */
  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  javax.sql.DataSource dataSource() {
    return pool;
  }

  /**
   * How this process reached the database: "embedded file ..." or "daemon's server on
   * 127.0.0.1:port".
   */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    pool.dispose();
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
