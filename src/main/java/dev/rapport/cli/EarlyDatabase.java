package dev.rapport.cli;

import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The database opened on a second thread while the first reads the config and picocli builds its
 * model: on two cores the largest fixed costs of a short command (H2 reading its schema, about 0.15
 * s; picocli's reflection, about 0.1 s; logback's start) then overlap instead of adding up
 * (docs/STARTUP.md).
 *
 * <p>Only for the commands in {@link #COMMANDS}, which read the database whatever they are asked,
 * and only when the words before the command are exactly what picocli will read ({@code --config},
 * {@code --data}); help, {@code -v} and anything unusual start nothing early, and the command opens
 * the database itself as before. What opening throws (a database held by another process, a
 * replaced db.secret) is thrown where the command first asks for the database, as before.
 */
final class EarlyDatabase {
  /**
   * The commands that read the database whatever they are given, by top-level name: the command
   * itself (no subcommands listed), or the subcommands of a group that do. Not those that may end
   * before opening it on purpose (an import of an empty file creates no database).
   */
  static final Map<String, Set<String>> COMMANDS =
      Map.of(
          "contacts", Set.of("list", "show"),
          "drafts", Set.of("list", "show"),
          "employers", Set.of("list", "show"),
          "interviews", Set.of("list", "show"),
          "hypotheses", Set.of("list", "show"),
          "questions", Set.of("list"),
          "next", Set.of(),
          "stats", Set.of());

  /**
   * Every top-level name, as {@link CommandList}'s annotations give them (EarlyDatabaseTest
   * checks): picocli refuses one as an option's value. Written out because reading the annotations
   * takes a good part of the time this class saves.
   */
  static final Set<String> TOP_LEVEL_NAMES =
      Set.of(
          "run",
          "sync",
          "doctor",
          "login",
          "dashboard",
          "contacts",
          "hypotheses",
          "outreach",
          "drafts",
          "stats",
          "next",
          "employers",
          "pause",
          "resume",
          "sandbox",
          "questions",
          "interviews",
          "backup",
          "restore",
          "service",
          "templates",
          "setup");

  private static final Set<String> NOT_EARLY = Set.of("-h", "--help", "-v", "--verbose", "help");

  /** What the root's options will be once picocli has parsed them. */
  record RootWords(Path config, Path data) {}

  private final RootWords words;

  private final CompletableFuture<Database> database = new CompletableFuture<>();
  private boolean taken;

  private EarlyDatabase(RootWords words) {
    this.words = words;
  }

  /** Starts opening the database for {@code args}, when it is safe to. */
  static Optional<EarlyDatabase> start(RapportCommand root, String[] args) {
    Optional<RootWords> words = rootWords(args);
    if (words.isEmpty()) return Optional.empty();
    EarlyDatabase early = new EarlyDatabase(words.get());
    Thread t = new Thread(() -> early.open(root), "rapport-early-database");
    t.setDaemon(true);
    t.start();
    return Optional.of(early);
  }

  /**
   * The root's {@code --config} and {@code --data} in {@code args}, when the command they precede
   * is one of {@link #COMMANDS} and nothing asks for help or details; empty otherwise (also when a
   * value is a command's name, which picocli refuses).
   */
  static Optional<RootWords> rootWords(String[] args) {
    Path config = null;
    Path data = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
      String name = eq < 0 ? arg : arg.substring(0, eq);
      if (name.equals("--config") || name.equals("--data")) {
        String value = eq >= 0 ? arg.substring(eq + 1) : i + 1 < args.length ? args[++i] : null;
        if (value == null || value.isEmpty() || TOP_LEVEL_NAMES.contains(value))
          return Optional.empty();
        Path path;
        try {
          path = Path.of(value);
        } catch (InvalidPathException e) {
          return Optional.empty();
        }
        if (name.equals("--config")) {
          if (config != null) return Optional.empty(); // picocli: given twice
          config = path;
        } else {
          if (data != null) return Optional.empty();
          data = path;
        }
      } else if (arg.startsWith("-") || arg.startsWith("@")) {
        return Optional.empty();
      } else {
        Set<String> subcommands = COMMANDS.get(arg);
        if (subcommands == null) return Optional.empty();
        if (!subcommands.isEmpty() && (i + 1 == args.length || !subcommands.contains(args[i + 1])))
          return Optional.empty();
        List<String> rest = List.of(args).subList(i + 1, args.length);
        if (rest.stream().anyMatch(w -> NOT_EARLY.contains(w) || w.startsWith("@")))
          return Optional.empty();
        return Optional.of(new RootWords(config, data));
      }
    }
    return Optional.empty();
  }

  private void open(RapportCommand root) {
    try {
      Path folder = root.placesFor(words.config(), words.data()).data();
      database.complete(DatabaseOpener.open(new DataFolder(folder)));
    } catch (Throwable e) {
      database.completeExceptionally(e);
    }
  }

  /** True when picocli read the same {@code --config} and {@code --data} as this did. */
  boolean fits(Path configFlag, Path dataFlag) {
    return Objects.equals(words.config(), configFlag) && Objects.equals(words.data(), dataFlag);
  }

  /** The database, waiting for it; what opening it threw is thrown here. It is now the caller's. */
  synchronized Database database() {
    taken = true;
    return join(database);
  }

  /** Closes the database when it was opened and not taken by {@link #database()}. */
  synchronized void closeUnused() {
    if (taken) return;
    try {
      database.join().close();
    } catch (CompletionException e) {
      // nothing was left open
    }
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }
}
