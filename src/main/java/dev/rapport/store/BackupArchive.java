package dev.rapport.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The backup file: a zip archive holding {@code rapport-backup.properties} (what it is and when it
 * was made), {@code rapport.mv.db} (the database as H2's {@code BACKUP TO} copied it) and {@code
 * db.secret} (the password that opens that database: without it the copy is useless). The archive
 * is created readable by its owner only.
 */
final class BackupArchive {
  static final String MANIFEST = "rapport-backup.properties";
  static final String DATABASE = DataFolder.DB_NAME + ".mv.db";
  static final String SECRET = "db.secret";
  static final String FORMAT = "1";
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  private BackupArchive() {}

  /** The database and its password, taken out of a backup into a scratch folder. */
  record Extracted(Path database, String secret, Instant created) {}

  /**
   * Writes a new archive at {@code target} (which must not exist) from the zip H2's {@code BACKUP
   * TO} made.
   */
  static void write(Path h2Backup, String secret, Instant created, Path target) throws IOException {
    try (ZipFile h2 = new ZipFile(h2Backup.toFile());
        OutputStream file = ownerOnlyNewFile(target);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      ZipEntry db = databaseEntry(h2);
      if (db == null) throw new IOException("H2's backup holds no database file");
      Properties manifest = new Properties();
      manifest.setProperty("format", FORMAT);
      manifest.setProperty("created", created.toString());
      zip.putNextEntry(new ZipEntry(MANIFEST));
      manifest.store(zip, "a rapport backup: restore it with 'rapport restore FILE'");
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(DATABASE));
      try (InputStream in = h2.getInputStream(db)) {
        in.transferTo(zip);
      }
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(SECRET));
      zip.write((secret + "\n").getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
      zip.finish();
      file.flush();
    }
    try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  /**
   * Checks that {@code archive} is a complete rapport backup and takes its database and password
   * out into {@code dir}; throws a {@link BackupException} that says what is wrong otherwise.
   */
  static Extracted extract(Path archive, Path dir) {
    if (!Files.exists(archive)) throw new BackupException(archive + " does not exist.");
    if (Files.isDirectory(archive))
      throw new BackupException(archive + " is a folder, not a rapport backup file.");
    if (!Files.isReadable(archive)) throw new BackupException(archive + " cannot be read.");
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ZipEntry manifestEntry = zip.getEntry(MANIFEST);
      ZipEntry db = zip.getEntry(DATABASE);
      ZipEntry secretEntry = zip.getEntry(SECRET);
      if (manifestEntry == null || db == null || secretEntry == null)
        throw new BackupException(
            archive
                + " is a zip archive but not a rapport backup: it lacks "
                + (manifestEntry == null ? MANIFEST : db == null ? DATABASE : SECRET)
                + ".");
      Properties manifest = new Properties();
      try (InputStream in = zip.getInputStream(manifestEntry)) {
        manifest.load(
            new StringReader(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8)));
      }
      if (!FORMAT.equals(manifest.getProperty("format")))
        throw new BackupException(
            archive
                + " is a rapport backup in format "
                + manifest.getProperty("format")
                + ", which this version of rapport does not know; restore it with a newer"
                + " rapport.");
      String secret;
      try (InputStream in = zip.getInputStream(secretEntry)) {
        secret = new String(in.readNBytes(1024), StandardCharsets.US_ASCII).strip();
      }
      if (!secret.matches("[0-9a-f]{16,}"))
        throw new BackupException(archive + " is damaged: its database password is unreadable.");
      Path target = dir.resolve(DATABASE);
      try (InputStream in = zip.getInputStream(db);
          FileChannel out =
              FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        in.transferTo(Channels.newOutputStream(out));
        out.force(true);
      }
      return new Extracted(target, secret, created(manifest));
    } catch (ZipException e) {
      throw new BackupException(
          looksLikeZip(archive)
              ? archive + " is damaged (cut short or altered): it is not a complete zip archive."
              : archive + " is not a rapport backup: it is not a zip archive.",
          e);
    } catch (IOException e) {
      throw new BackupException("Cannot read " + archive + ": " + e.getMessage(), e);
    }
  }

  private static Instant created(Properties manifest) {
    try {
      return Instant.parse(manifest.getProperty("created", ""));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static boolean looksLikeZip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return java.util.Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  /** The database file in H2's backup zip (its name is the database's, ending in .mv.db). */
  private static ZipEntry databaseEntry(ZipFile h2) {
    Enumeration<? extends ZipEntry> entries = h2.entries();
    while (entries.hasMoreElements()) {
      ZipEntry e = entries.nextElement();
      if (e.getName().endsWith(".mv.db")) return e;
    }
    return null;
  }

  private static OutputStream ownerOnlyNewFile(Path target) throws IOException {
    try {
      Files.createFile(
          target,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(target);
    }
    return Files.newOutputStream(target, StandardOpenOption.WRITE);
  }
}
