package dev.rapport.doctor;

import dev.rapport.RapportException;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Opens the database the way every command does and says what is in it. */
public final class DatabaseCheck {
  private DatabaseCheck() {}

  public static List<Finding> run(DataFolder folder, Supplier<Database> open) {
    List<Finding> out = new ArrayList<>();
    Database db;
    try {
      db = open.get();
    } catch (RapportException e) {
      out.add(
          Finding.fail(
              "database",
              e.getMessage(),
              "Check that " + folder.path() + " is writable and not held by another program."));
      out.addAll(tightened(folder));
      return out;
    }
    String schema =
        db.read(
            c ->
                Sql.one(
                        c,
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" ORDER BY \"installed_rank\" DESC LIMIT 1",
                        rs -> rs.getString(1))
                    .orElse("none"));
    long contacts = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM contact"));
    long pending =
        db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM draft WHERE status = 'PENDING'"));
    out.add(
        Finding.ok(
            "database",
            db.description()
                + "; schema version "
                + schema
                + "; "
                + contacts
                + " contact(s), "
                + pending
                + " draft(s) waiting for review"));
    out.add(secretPermissions(folder.path().resolve("db.secret")));
    out.addAll(tightened(folder));
    return out;
  }

  /** What opening the folder found open to other users and made private just now. */
  private static List<Finding> tightened(DataFolder folder) {
    return folder.tightened().stream()
        .map(
            note ->
                Finding.warn(
                    "data folder",
                    note,
                    "nothing left to do; if other people use this machine, they may have read it before"))
        .toList();
  }

  private static Finding secretPermissions(Path secret) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(secret);
      boolean others =
          perms.stream()
              .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
      return others
          ? Finding.warn(
              "data folder",
              secret + " can be read by other users of this machine",
              "chmod 600 " + secret)
          : Finding.ok(
              "data folder", secret.getParent() + " (database password readable by you only)");
    } catch (UnsupportedOperationException | IOException e) {
      return Finding.ok("data folder", secret.getParent().toString());
    }
  }
}
