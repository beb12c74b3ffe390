package dev.rapport.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;

/**
 * Brings the schema up to date through Flyway, the only way the schema ever changes. Flyway costs a
 * command about 150 ms to load and scan, so a command first reads the schema history with one query
 * and starts Flyway only when the database is behind the migrations in this build, or new.
 */
final class Migrations {
  /**
   * The newest migration in {@code src/main/resources/db/migration}: the {@code 8} of {@code
   * V8__...sql}. Raise it with every new migration; {@code MigrationsTest} fails until it matches.
   * (Listing the bundled files at run time costs 30–40 ms in a 13 MB jar.)
   */
  static final String LATEST = "18";

  private static final Comparator<String> BY_VERSION = Migrations::compareVersions;

  private Migrations() {}

  /**
   * For commands: nothing but one query when the schema is current, Flyway otherwise. Refuses a
   * database a newer rapport wrote.
   */
  static void upToDate(Database db) {
    History h = history(db);
    h.refuseNewer();
    if (h.current()) return;
    FlywayRun.migrate(db);
  }

  /**
   * For the daemon: Flyway in full, which also checks the applied migrations' checksums. Refuses a
   * database a newer rapport wrote: Flyway would ignore the migrations it does not know and go on.
   */
  static void apply(Database db) {
    history(db).refuseNewer();
    FlywayRun.migrate(db);
  }

  /** True when every migration this build knows is applied, successfully. */
  static boolean isCurrent(Database db) {
    return history(db).current();
  }

  /** What the schema history says: the highest version applied, and whether any failed. */
  record History(String highest, boolean failed) {
    boolean current() {
      // a failed migration is never current: let Flyway report it
      return !failed && highest != null && BY_VERSION.compare(highest, LATEST) >= 0;
    }

    /** Made by a newer rapport: its schema has versions this build cannot know. */
    boolean newer() {
      return highest != null && BY_VERSION.compare(highest, LATEST) > 0;
    }

    void refuseNewer() {
      if (newer()) throw new NewerSchemaException(highest);
    }
  }

  static History history(Database db) {
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
      String highest = null;
      boolean failed = false;
      while (rs.next()) {
        if (!rs.getBoolean(2)) failed = true;
        String v = rs.getString(1);
        if (v != null && (highest == null || BY_VERSION.compare(v, highest) > 0)) highest = v;
      }
      return new History(highest, failed);
    } catch (SQLException e) {
      if (e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
          || e.getErrorCode() == ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1) {
        return new History(null, false); // a new database
      }
      throw new StoreException("Cannot read the database's schema history: " + e.getMessage(), e);
    }
  }

  /** Compares Flyway versions such as {@code 2} and {@code 2.1} part by part, as numbers. */
  static int compareVersions(String a, String b) {
    long[] x = parts(a);
    long[] y = parts(b);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Long.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
      if (c != 0) return c;
    }
    return 0;
  }

  private static long[] parts(String version) {
    String[] text = version.strip().split("[._]");
    long[] numbers = new long[text.length];
    for (int i = 0; i < text.length; i++) numbers[i] = Long.parseLong(text[i]);
    return numbers;
  }

  /** Kept apart so that loading {@link Migrations} loads no Flyway class. */
  private static final class FlywayRun {
    static void migrate(Database db) {
      try {
        Flyway.configure()
            .dataSource(db.dataSource())
            .locations("classpath:db/migration")
            .loggers("slf4j")
            .load()
            .migrate();
      } catch (FlywayException e) {
        throw new StoreException(
            "The database schema could not be brought up to date: " + e.getMessage(), e);
      }
    }
  }
}
