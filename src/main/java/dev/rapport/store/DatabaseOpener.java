package dev.rapport.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database for this process. H2 lets one process own a database file; while the
 * daemon runs it owns the file and shares it on a loopback port it writes to {@code
 * db.server}, and every CLI command connects there. Otherwise a command opens the file
 * itself, waiting a little if another short command holds it.
 */
public final class DatabaseOpener {
  private static final Logger log = LoggerFactory.getLogger(DatabaseOpener.class);
  static final String USER = "rapport";
  private static final Duration LOCK_WAIT = Duration.ofSeconds(20);

  private DatabaseOpener() {}

  /** Opens (creating on first use) and migrates the database in {@code folder}. */
  public static Database open(DataFolder folder) {
    folder.create();
    String secret = folder.secret();
    Database db = null;
    Integer port = folder.announcedPort().orElse(null);
    if (port != null) db = tryServer(folder, port, secret);
    if (db == null) db = openFile(folder, secret);
    try {
      Migrations.apply(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  /** Opens the file in this process only; the daemon uses this before it shares the database. */
  public static Database openOwned(DataFolder folder) {
    folder.create();
    Database db = openFile(folder, folder.secret());
    try {
      Migrations.apply(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  static String fileUrl(DataFolder folder) {
    // WRITE_DELAY=0: a commit is on disk before the call returns. FILE_LOCK=FILE: one owner process.
    return "jdbc:h2:file:" + folder.databasePath() + ";WRITE_DELAY=0;FILE_LOCK=FILE";
  }

  static String serverUrl(DataFolder folder, int port) {
    return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + folder.databasePath() + ";IFEXISTS=TRUE";
  }

  private static Database tryServer(DataFolder folder, int port, String secret) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(serverUrl(folder, port), USER, secret);
    try (Connection probe = pool.getConnection()) {
      log.debug("connected to the daemon's database server on 127.0.0.1:{}", port);
      return new Database(pool, "shared by the running daemon on 127.0.0.1:" + port);
    } catch (SQLException e) {
      pool.dispose();
      log.debug("the announced database server on port {} did not answer ({}); opening the file", port, e.getMessage());
      return null;
    }
  }

  private static Database openFile(DataFolder folder, String secret) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(fileUrl(folder), USER, secret);
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    long pause = 50;
    while (true) {
      try (Connection probe = pool.getConnection()) {
        return new Database(pool, "embedded file " + folder.databaseFile());
      } catch (SQLException e) {
        if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1 && System.nanoTime() < deadline) {
          sleep(pause);
          pause = Math.min(pause * 2, 500);
          continue;
        }
        pool.dispose();
        throw new StoreException(explain(folder, e), e);
      }
    }
  }

  private static String explain(DataFolder folder, SQLException e) {
    if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
      return "The database in " + folder.path() + " is held by another process that does not share it. "
          + "Wait for that command to finish, or stop the other program using it.";
    }
    if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
      return "The database in " + folder.path() + " does not accept the password in db.secret; "
          + "was db.secret replaced? Restore the one that belongs to this database.";
    }
    return "Cannot open the database in " + folder.path() + ": " + e.getMessage();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while waiting for the database", e);
    }
  }
}
