package dev.rapport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Test helpers around backup files and data folders: take one apart, alter it, fingerprint. */
final class BackupFiles {
  private BackupFiles() {}

  /** Every entry of a zip archive, by name. */
  static Map<String, byte[]> entries(Path zip) throws IOException {
    Map<String, byte[]> all = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        try (InputStream in = z.getInputStream(e)) {
          all.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return all;
  }

  static void writeZip(Path zip, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
  }

  /** A copy of {@code backup} at {@code to}, with one entry changed. */
  static Path withEntry(Path backup, Path to, String name, UnaryOperator<byte[]> change)
      throws IOException {
    Map<String, byte[]> all = entries(backup);
    all.put(name, change.apply(all.get(name)));
    writeZip(to, all);
    return to;
  }

  /**
   * A copy of {@code backup} at {@code to} whose database says a migration newer than any this
   * build has was applied to it: what a backup from a later rapport looks like.
   */
  static Path fromTheFuture(Path backup, Path to, Path work) throws IOException, SQLException {
    Map<String, byte[]> all = entries(backup);
    Files.createDirectories(work);
    Files.write(work.resolve("rapport.mv.db"), all.get("rapport.mv.db"));
    String secret = new String(all.get("db.secret")).strip();
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:h2:file:" + work.resolve("rapport") + ";IFEXISTS=TRUE", "rapport", secret)) {
      c.createStatement()
          .execute(
              "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                  + " \"description\", \"type\", \"script\", \"installed_by\","
                  + " \"execution_time\", \"success\") VALUES (999, '999', 'future', 'SQL',"
                  + " 'V999__future.sql', 'rapport', 0, TRUE)");
    }
    all.put("rapport.mv.db", Files.readAllBytes(work.resolve("rapport.mv.db")));
    writeZip(to, all);
    return to;
  }

  /** Each file in the folder with a digest of its content: equal snapshots, nothing changed. */
  static Map<String, String> snapshot(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(folder)) {
      for (Path p : list.toList())
        files.put(p.getFileName().toString(), Files.isDirectory(p) ? "folder" : sha256(p));
    }
    return files;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
