package dev.rapport.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A database file taken out of a backup, opened on its own (embedded, never created if missing) to
 * check it before it is used: that it opens with its password, that it is rapport's, and that its
 * schema is not newer than this build knows.
 */
final class StagedDatabase implements AutoCloseable {
  private final Database db;
  private final String name;

  private StagedDatabase(Database db, String name) {
    this.db = db;
    this.name = name;
  }

  /**
   * Opens {@code file} (a {@code .mv.db}) with {@code secret}; {@code name} is how messages call it
   * (the backup file).
   */
  static StagedDatabase open(Path file, String secret, String name) {
    String base = file.toString();
    base = base.substring(0, base.length() - ".mv.db".length());
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(
            "jdbc:h2:file:" + base + ";IFEXISTS=TRUE;WRITE_DELAY=0", DatabaseOpener.USER, secret);
    try {
      pool.getConnection().close();
    } catch (SQLException e) {
      pool.dispose();
      throw new BackupException(
          e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD
              ? name + " is damaged: its database does not open with the password stored with it."
              : name + " is damaged: the database in it cannot be opened.",
          e);
    }
    return new StagedDatabase(new Database(pool, "backup " + name), name);
  }

  /** Its schema version and counts; refuses a database that is not rapport's. */
  BackupSummary summary() {
    return db.read(
        c -> {
          try (Statement st = c.createStatement()) {
            return read(st);
          } catch (SQLException e) {
            throw new BackupException(
                name + " holds a database, but not rapport's: " + e.getMessage(), e);
          }
        });
  }

  /** Refuses a backup made by a newer rapport, whose schema this build cannot know. */
  void requireKnownSchema(BackupSummary summary) {
    if (Migrations.compareVersions(summary.schemaVersion(), Migrations.LATEST) > 0)
      throw new BackupException(
          name
              + " was made by a newer rapport (schema version "
              + summary.schemaVersion()
              + "; this one knows up to "
              + Migrations.LATEST
              + "). Restore it with that version or a newer one.");
  }

  /** Makes the database open with {@code secret}, the password the data folder already has. */
  void changePassword(String secret) {
    if (!secret.matches("[0-9a-f]+")) throw new IllegalArgumentException("not a generated secret");
    db.read(
        c -> {
          try (Statement st = c.createStatement()) {
            st.execute("ALTER USER " + DatabaseOpener.USER + " SET PASSWORD '" + secret + "'");
            return null;
          } catch (SQLException e) {
            // without the cause: H2's message repeats the statement, password included
            throw new BackupException(
                "Cannot prepare "
                    + name
                    + " for this data folder (H2 error "
                    + e.getErrorCode()
                    + ").");
          }
        });
  }

  /** Brings the schema up to this build's, as the daemon would when it starts on it. */
  void migrate() {
    Migrations.apply(db);
  }

  @Override
  public void close() {
    db.close();
  }

  private static BackupSummary read(Statement st) throws SQLException {
    return new BackupSummary(
        schemaVersion(st), count(st, "contact"), count(st, "draft"), count(st, "event"));
  }

  private static String schemaVersion(Statement st) throws SQLException {
    String highest = null;
    try (ResultSet rs =
        st.executeQuery(
            "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\""
                + " IS NOT NULL")) {
      while (rs.next()) {
        String v = rs.getString(1);
        if (highest == null || Migrations.compareVersions(v, highest) > 0) highest = v;
      }
    }
    if (highest == null) throw new SQLException("no migration was ever applied to it");
    return highest;
  }

  private static long count(Statement st, String table) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The summary of an open database, for what a restore ends with. */
  static BackupSummary summaryOf(Database db) {
    return db.read(
        c -> {
          try (Statement st = c.createStatement()) {
            return read(st);
          } catch (SQLException e) {
            throw new StoreException("Cannot count what the database holds: " + e.getMessage(), e);
          }
        });
  }
}
