package dev.rapport.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The data folder and the files rapport keeps in it: the H2 database ({@code rapport.mv.db}), its
 * generated password ({@code db.secret}, readable by the owner only) and, while a daemon runs, the
 * loopback port it shares the database on ({@code db.server}).
 */
public final class DataFolder {
  static final String DB_NAME = "rapport";
  private final Path dir;

  public DataFolder(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path path() {
    return dir;
  }

  Path databaseFile() {
    return dir.resolve(DB_NAME + ".mv.db");
  }

  /** The database path as H2 names it: the file without its {@code .mv.db} ending. */
  String databasePath() {
    return dir.resolve(DB_NAME).toString();
  }

  /** The daemon's log. */
  public Path logFile() {
    return dir.resolve("rapport.log");
  }

  Path serverFile() {
    return dir.resolve("db.server");
  }

  boolean databaseExists() {
    return Files.exists(databaseFile());
  }

  /** Makes the folder, readable by its owner only, unless it exists. */
  public void create() {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        ownerOnly(dir, "rwx------");
      }
    } catch (IOException e) {
      throw new StoreException("Cannot create the data folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The database password, made on first use; without it an existing database cannot be opened. */
  String secret() {
    Path file = secretFile();
    if (!Files.exists(file) && databaseExists()) {
      throw new StoreException(
          file
              + " is missing, and the database in "
              + dir
              + " cannot be opened without it. Restore it from a backup.",
          null);
    }
    return ownerOnlySecret(file);
  }

  private Path secretFile() {
    return dir.resolve("db.secret");
  }

  /** The database password, if the folder has one. */
  Optional<String> existingSecret() {
    Path file = secretFile();
    if (!Files.exists(file)) return Optional.empty();
    return Optional.of(ownerOnlySecret(file));
  }

  /** Writes {@code secret} as the database password, unless the folder has one already. */
  void keepSecret(String secret) {
    Path file = secretFile();
    if (Files.exists(file)) return;
    try {
      writeAtomically(file, secret + "\n", "rw-------");
    } catch (IOException e) {
      throw new StoreException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The sandbox mailbox password, made on first use, so every rapport process can log in to the
   * sandbox.
   */
  public String sandboxSecret() {
    create();
    return ownerOnlySecret(dir.resolve("sandbox.secret"));
  }

  /**
   * The dashboard's access token, made on first use and kept, so the address the banner prints (and
   * a bookmark of it) keeps opening the dashboard after a restart.
   */
  public String dashboardSecret() {
    create();
    return ownerOnlySecret(dashboardSecretFile());
  }

  /** Where {@link #dashboardSecret()} is kept: readable by the owner only. */
  public Path dashboardSecretFile() {
    return dir.resolve("dashboard.secret");
  }

  /** Where a running sandbox announces its ports to other rapport processes. */
  public Path sandboxFile() {
    return dir.resolve("sandbox.server");
  }

  private static String ownerOnlySecret(Path file) {
    try {
      if (Files.exists(file)) return Files.readString(file, StandardCharsets.US_ASCII).strip();
      byte[] bytes = new byte[24];
      new SecureRandom().nextBytes(bytes);
      String secret = HexFormat.of().formatHex(bytes);
      writeAtomically(file, secret + "\n", "rw-------");
      return secret;
    } catch (IOException e) {
      throw new StoreException("Cannot read or create " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * What a daemon wrote to {@code db.server} when it began sharing the database: its port and
   * process id. The file outlives a daemon killed with SIGKILL, so it is only a hint: {@link
   * Announcement#processAlive()} and a connection attempt decide.
   */
  record Announcement(int port, long pid) {
    /** Whether the announcing process still runs; false means the file is stale. */
    boolean processAlive() {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
  }

  /** The daemon's announcement, if there is a readable one (it may be stale after a crash). */
  Optional<Announcement> announcement() {
    Path file = serverFile();
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties p = new Properties();
      p.load(reader);
      return Optional.of(
          new Announcement(
              Integer.parseInt(p.getProperty("port", "").strip()),
              Long.parseLong(p.getProperty("pid", "").strip())));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      // Half-written or foreign content: treat as no daemon; the daemon writes it atomically.
      return Optional.empty();
    }
  }

  void announce(int port) {
    try {
      String text =
          "# written by the rapport daemon while it runs\nport="
              + port
              + "\npid="
              + ProcessHandle.current().pid()
              + "\n";
      writeAtomically(serverFile(), text, "rw-------");
    } catch (IOException e) {
      throw new StoreException("Cannot write " + serverFile() + ": " + e.getMessage(), e);
    }
  }

  /** Removes this process's announcement of {@code port}; leaves another daemon's alone. */
  void withdraw(int port) {
    Optional<Announcement> current = announcement();
    if (current.isEmpty()
        || current.get().port() != port
        || current.get().pid() != ProcessHandle.current().pid()) return;
    try {
      Files.deleteIfExists(serverFile());
    } catch (IOException e) {
      // A stale file is harmless: clients fall back to the file when the process is gone.
    }
  }

  /** The database holds everything the user wrote: readable by its owner only, like the folder. */
  void protectDatabaseFile() {
    try {
      if (databaseExists()) ownerOnly(databaseFile(), "rw-------");
    } catch (IOException e) {
      // Not fatal: the folder itself is owner-only when rapport created it.
    }
  }

  private static void writeAtomically(Path file, String text, String perms) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    // Created with its permissions, so the text is never readable by others, not even briefly.
    createWith(tmp, perms);
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void createWith(Path p, String perms) throws IOException {
    try {
      Files.createFile(
          p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms)));
    } catch (UnsupportedOperationException e) {
      Files.createFile(p);
    }
  }

  private static void ownerOnly(Path p, String perms) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the platform's defaults apply.
    }
  }
}
