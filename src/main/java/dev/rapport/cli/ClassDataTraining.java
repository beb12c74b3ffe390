package dev.rapport.cli;

import dev.rapport.store.LoopbackOnly;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the common short commands once, in one JVM, on a throwaway sandbox data folder, so that a
 * JVM started with {@code -XX:DumpLoadedClassList} lists every class they load, for a class-data
 * archive made from that list with {@code -Xshare:dump} (docs/STARTUP.md). The package phase runs
 * it for {@code target/rapport.jsa}; the release's launcher runs it on first use. Usage: {@code
 * ClassDataTraining DIR} (DIR is made and filled; remove it afterwards).
 */
public final class ClassDataTraining {
  private ClassDataTraining() {}

  /** The command lines, after {@code --data DIR}: what users run most, with and without JSON. */
  static final List<List<String>> COMMANDS =
      List.of(
          List.of("--version"),
          List.of("contacts", "add", "--name", "Ada Example", "--email", "ada@example.org"),
          List.of("contacts", "add", "--name", "Bo Example", "--email", "bo@example.org"),
          List.of("contacts", "list"),
          List.of("contacts", "list", "--json"),
          List.of("contacts", "show", "1"),
          List.of("contacts", "show", "1", "--json"),
          List.of("next"),
          List.of("next", "--json"),
          List.of("stats"),
          List.of("stats", "--json"),
          List.of("drafts", "list"),
          List.of("drafts", "list", "--json"));

  /**
   * A user's config file with an account, for the last command: reading one loads the YAML parser,
   * which the sandbox never needs. Nothing connects: {@code contacts list} only reads.
   */
  static final String ACCOUNT =
      """
      me: {name: Ada Example, email: ada@example.org}
      smtp: {host: smtp.example.org, port: 587, security: starttls, username: ada@example.org,
             password_env: RAPPORT_TRAINING_PASSWORD}
      imap: {host: imap.example.org, port: 993, security: tls, username: ada@example.org,
             password_env: RAPPORT_TRAINING_PASSWORD}
      pacing:
        timezone: Europe/Berlin
        weekly_goal: 5
      """;

  public static void main(String[] args) throws IOException, ClassNotFoundException {
    if (args.length != 1) throw new IllegalArgumentException("usage: ClassDataTraining DIR");
    Path dir = Files.createDirectories(Path.of(args[0]));
    // What every start loads before the CLI, which training itself never names.
    LoopbackOnly.configure();
    dev.rapport.mail.StreamProviderPin.pin();
    Class.forName("dev.rapport.Main", false, ClassDataTraining.class.getClassLoader());
    System.console(); // Main asks for the terminal's charset
    // What the database thread's first logger is while the main thread is still starting
    // logging: outside the archive, it alone would make that thread open the jar.
    Class.forName(
        org.slf4j.helpers.SubstituteLogger.class.getName(),
        false,
        ClassDataTraining.class.getClassLoader());
    Path data = dir.resolve("data");
    Map<String, String> env = Map.of("RAPPORT_DATA", data.toString());
    Path noConfig = dir.resolve("no-config.yaml"); // absent: the sandbox
    Path account = Files.writeString(dir.resolve("rapport.yaml"), ACCOUNT);
    List<List<String>> lines = new ArrayList<>();
    for (List<String> command : COMMANDS)
      lines.add(Stream.concat(Stream.of("--data", data.toString()), command.stream()).toList());
    lines.add(
        List.of("--config", account.toString(), "--data", data.toString(), "contacts", "list"));
    int failed = 0;
    for (List<String> line : lines) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Cli.run(
              line.toArray(String[]::new),
              Clock.systemDefaultZone(),
              env,
              noConfig,
              new PrintWriter(out),
              new PrintWriter(err));
      if (code != 0) {
        failed++;
        System.err.println("rapport " + String.join(" ", line) + ": exit " + code + ": " + err);
      }
    }
    System.exit(failed == 0 ? 0 : 1);
  }
}
