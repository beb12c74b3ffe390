package dev.rapport.store;

import dev.rapport.store.DataFolder.Announcement;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database for this process. One process owns the database file at a time (H2's
 * file-system lock on {@code rapport.mv.db}, which the OS drops when that process dies). While the
 * daemon runs it owns the file and shares it on a loopback port it announces in {@code db.server};
 * every command connects there. Otherwise a command opens the file itself, waiting while another
 * short command holds it — and switching to the daemon's port if one is announced meanwhile. See
 * {@code docs/DATABASE.md}.
 */
public final class DatabaseOpener {
  private static final Logger log = LoggerFactory.getLogger(DatabaseOpener.class);
  static final String USER = "rapport";
  static final Duration LOCK_WAIT = Duration.ofSeconds(20);

  /** H2's client has no read timeout: a frozen or foreign process on the port would hang it. */
  private static final Duration SERVER_ANSWER = Duration.ofSeconds(5);

  private DatabaseOpener() {}

  /** Opens (creating on first use) the database in {@code folder}, with its schema up to date. */
  public static Database open(DataFolder folder) {
    return open(folder, LOCK_WAIT);
  }

  static Database open(DataFolder folder, Duration lockWait) {
    folder.create();
    Database db = connect(folder, folder.secret(), false, lockWait);
    try {
      Migrations.upToDate(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  /**
   * Opens the file for this process alone, for the daemon before it shares the database; waits
   * while a command holds the file, and refuses when another daemon already runs. Runs Flyway in
   * full, validation included.
   */
  public static Database openOwned(DataFolder folder) {
    folder.create();
    Database db = connect(folder, folder.secret(), true, LOCK_WAIT);
    try {
      Migrations.apply(db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  static String fileUrl(DataFolder folder, boolean owned) {
    // WRITE_DELAY=0: each commit is written to the file before it returns, so it survives the
    // process being killed (H2's default writes up to 500 ms later). The default FILE_LOCK=FS
    // is kept on purpose: FILE_LOCK=FILE leaves a lock file that costs seconds after a crash.
    // The owner closes the database itself, in order, instead of H2's own shutdown hook.
    // A command does not compact the file when it closes it (MAX_COMPACT_TIME=0): after a sync of
    // 1,000 drafts that took H2 a quarter of a second, and the space is reused by later writes
    // anyway; the daemon compacts at its close (docs/DATABASE.md).
    return "jdbc:h2:file:"
        + folder.databasePath()
        + ";WRITE_DELAY=0"
        + (owned ? ";DB_CLOSE_ON_EXIT=FALSE" : ";MAX_COMPACT_TIME=0");
  }

  /** The daemon's server maps this one name to its database and serves nothing else. */
  static String serverUrl(int port) {
    return "jdbc:h2:tcp://127.0.0.1:" + port + "/" + DataFolder.DB_NAME;
  }

  private static Database connect(
      DataFolder folder, String secret, boolean owned, Duration lockWait) {
    long deadline = System.nanoTime() + lockWait.toNanos();
    long pause = 20;
    boolean waiting = false;
    boolean toldStale = false;
    while (true) {
      Optional<Announcement> daemon = folder.announcement();
      if (daemon.isPresent() && !daemon.get().processAlive()) {
        if (!toldStale)
          log.debug("db.server is stale: process {} has ended; using the file", daemon.get().pid());
        toldStale = true;
        daemon = Optional.empty();
      }
      if (daemon.isPresent()) {
        Database shared = tryServer(daemon.get(), secret);
        if (shared != null && !owned) return shared;
        if (shared != null) {
          shared.close();
          throw new StoreException(
              "Another rapport daemon (process "
                  + daemon.get().pid()
                  + ") already runs on "
                  + folder.path()
                  + "; stop it before starting another.",
              null);
        }
      }
      try {
        Database db = openFile(folder, secret, owned);
        folder.protectDatabaseFile();
        return db;
      } catch (SQLException e) {
        if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1 || System.nanoTime() > deadline) {
          throw new StoreException(explain(folder, e), e);
        }
        if (!waiting) {
          log.info(
              "the database in {} is held by another process; waiting up to {} s for it",
              folder.path(),
              lockWait.toSeconds());
          waiting = true;
        }
        sleep(pause);
        pause = Math.min(pause * 2, 200);
      }
    }
  }

  /**
   * A connection to the announced server, or null when nothing (or not our database) answers there.
   */
  private static Database tryServer(Announcement daemon, String secret) {
    if (!listening(daemon.port())) {
      log.debug("nothing listens on the announced port {}; trying the file", daemon.port());
      return null;
    }
    JdbcConnectionPool pool = JdbcConnectionPool.create(serverUrl(daemon.port()), USER, secret);
    CompletableFuture<Connection> probe =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return pool.getConnection();
              } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
              }
            });
    try {
      probe.get(SERVER_ANSWER.toMillis(), TimeUnit.MILLISECONDS).close();
      log.debug("connected to the daemon's database server on 127.0.0.1:{}", daemon.port());
      return new Database(pool, "shared by the running daemon on 127.0.0.1:" + daemon.port());
    } catch (ExecutionException | TimeoutException | SQLException e) {
      probe.cancel(true);
      pool.dispose();
      String why =
          e instanceof TimeoutException
              ? "no answer in " + SERVER_ANSWER.toSeconds() + " s"
              : e.getMessage();
      log.debug(
          "the announced database server on port {} did not serve us ({}); trying the file",
          daemon.port(),
          why);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.dispose();
      throw new StoreException("Interrupted while connecting to the database", e);
    }
  }

  /** A plain connect first: H2's client retries a refused port for up to 2 s. */
  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Database openFile(DataFolder folder, String secret, boolean owned)
      throws SQLException {
    folder.protectDatabaseFile(); // its trace file exists 0600 before H2 writes to it
    JdbcConnectionPool pool = JdbcConnectionPool.create(fileUrl(folder, owned), USER, secret);
    try {
      pool.getConnection().close(); // opens the file, or fails if another process holds it
      log.debug("opened the database file {}", folder.databaseFile());
      return new Database(pool, "embedded file " + folder.databaseFile());
    } catch (SQLException e) {
      pool.dispose();
      throw e;
    }
  }

  private static String explain(DataFolder folder, SQLException e) {
    if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
      return "The database in "
          + folder.path()
          + " is held by another process that does not share it. "
          + "Wait for that command to finish, or stop the other program using it.";
    }
    if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
      return "The database in "
          + folder.path()
          + " does not accept the password in db.secret; "
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
