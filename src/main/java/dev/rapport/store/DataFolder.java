package dev.rapport.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder and the files rapport keeps in it: the H2 database ({@code rapport.mv.db}), its
 * generated password ({@code db.secret}, readable by the owner only) and, while a daemon runs, the
 * loopback port it shares the database on ({@code db.server}).
 */
public final class DataFolder {
  static final String DB_NAME = "rapport";
  private static final Logger log = LoggerFactory.getLogger(DataFolder.class);
  private final Path dir;
  private final List<String> tightened = new ArrayList<>();
  private boolean secured;

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

  /** H2's trace of its own errors, which it appends to. */
  Path traceFile() {
    return dir.resolve(DB_NAME + ".trace.db");
  }

  /**
   * The most of H2's trace kept in {@link #traceFile()}. H2 moves the file aside itself only at 64
   * MB, and looks at its size only once every 4,096 entries in one process: a short command never
   * gets there, so across commands the file would only grow.
   */
  static final long TRACE_KEPT_BYTES = 1024 * 1024;

  /** Moves a trace past {@link #TRACE_KEPT_BYTES} to {@code .old}, replacing an older one. */
  private void retireLongTrace() throws IOException {
    Path trace = traceFile();
    if (Files.exists(trace) && Files.size(trace) > TRACE_KEPT_BYTES)
      Files.move(
          trace,
          trace.resolveSibling(trace.getFileName() + ".old"),
          StandardCopyOption.REPLACE_EXISTING);
  }

  /** Where {@code drafts edit} keeps the user's text while it is edited or when it is refused. */
  public Path editsFolder() {
    return dir.resolve("edits");
  }

  /**
   * Makes the folder, readable by its owner only, or tightens it when it exists; the first call
   * also tightens the private files in it (see {@link #tightened}).
   */
  public synchronized void create() {
    if (secured && Files.isDirectory(dir)) return;
    try {
      PrivateFiles.folder(dir).ifPresent(was -> tightened("data folder " + dir, was, "0700"));
    } catch (IOException e) {
      throw new StoreException("Cannot create the data folder " + dir + ": " + e.getMessage(), e);
    }
    secured = true;
    tightenContents();
  }

  /**
   * What this process found open to other users and made private, in sentences such as "data folder
   * … was readable by others (0755); tightened to 0700".
   */
  public synchronized List<String> tightened() {
    return List.copyOf(tightened);
  }

  /**
   * Files rapport makes in the folder hold passwords or the user's words: the secrets, the database
   * and H2's trace, the log, and the edits. Older versions (and logback, and H2) made some of them
   * with the default mode.
   */
  private void tightenContents() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
      for (Path p : all) if (isPrivate(p.getFileName().toString())) files.add(p);
    } catch (IOException e) {
      log.warn("could not look at the files in {}: {}", dir, e.getMessage());
    }
    if (Files.isDirectory(editsFolder(), LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> all = Files.newDirectoryStream(editsFolder())) {
        for (Path p : all) files.add(p);
      } catch (IOException e) {
        log.warn("could not look at the files in {}: {}", editsFolder(), e.getMessage());
      }
    }
    files.sort(null);
    for (Path p : files) {
      try {
        PrivateFiles.tighten(p)
            .ifPresent(
                was ->
                    tightened(
                        dir.relativize(p).toString(),
                        was,
                        Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "0700" : "0600"));
      } catch (IOException | RuntimeException e) {
        log.warn("could not make {} private: {}", p, e.getMessage());
      }
    }
  }

  private static boolean isPrivate(String name) {
    return name.endsWith(".secret")
        || name.endsWith(".server")
        || name.equals("edits")
        || (name.startsWith(DB_NAME + ".") && name.endsWith(".db"))
        || name.equals("rapport.log")
        || name.startsWith("rapport.log.");
  }

  private void tightened(String what, String was, String now) {
    boolean readable = (Integer.parseInt(was, 8) & 044) != 0;
    String note =
        what
            + " was "
            + (readable ? "readable" : "open")
            + " by others ("
            + was
            + "); tightened to "
            + now;
    tightened.add(note);
    log.warn(note);
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
      PrivateFiles.create(file, secret + "\n");
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

  /**
   * A secret made of 24 random bytes, created 0600 with its content in one step; when two processes
   * create it at once, both use the one that got there first.
   */
  private String ownerOnlySecret(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        PrivateFiles.create(file, HexFormat.of().formatHex(bytes) + "\n");
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
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
      PrivateFiles.write(serverFile(), text);
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

  /**
   * The database holds everything the user wrote: readable by its owner only, like the folder. H2
   * appends its trace to an existing file, so one made 0600 now stays so; one past {@link
   * #TRACE_KEPT_BYTES} is first moved to {@code rapport.trace.db.old}.
   */
  void protectDatabaseFile() {
    try {
      if (databaseExists()) PrivateFiles.tighten(databaseFile());
      retireLongTrace();
      PrivateFiles.file(traceFile());
    } catch (IOException e) {
      // Not fatal: the folder itself is owner-only.
    }
  }
}
