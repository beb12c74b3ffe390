package dev.rapport.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings the schema up to date through Flyway, the only way the schema ever changes. */
final class Migrations {
  private Migrations() {}

  static void apply(Database db) {
    try {
      Flyway.configure()
          .dataSource(db.dataSource())
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("The database schema could not be brought up to date: " + e.getMessage(), e);
    }
  }
}
