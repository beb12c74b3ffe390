package dev.rapport.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Real rapport processes for the integration tests: {@code java -jar target/rapport.jar ...},
 * output captured in files so it can be read while they run, and waiting on conditions with a
 * deadline instead of sleeping.
 */
final class Processes {
  static final Duration COMMAND = Duration.ofSeconds(90);
  static final Duration STARTUP = Duration.ofSeconds(90);
  private static final AtomicInteger counter = new AtomicInteger();

  private Processes() {}

  /** A started process and the files its output goes to. */
  record Run(Process process, Path outFile, Path errFile, List<String> command) {
    String out() {
      return read(outFile);
    }

    String err() {
      return read(errFile);
    }

    long pid() {
      return process.pid();
    }

    /**
     * Waits for the process to end and returns its exit code; kills it and fails after {@code
     * timeout}.
     */
    int exitCode(Duration timeout) {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("still running after " + timeout + ": " + this);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      return process.exitValue();
    }

    /** Asserts the command ended with status 0 and returns what it printed on stdout. */
    String succeeds() {
      int code = exitCode(COMMAND);
      assertThat(code).as("exit code of %s", this).isZero();
      return out();
    }

    @Override
    public String toString() {
      return String.join(" ", command) + "\n--- out\n" + out() + "--- err\n" + err();
    }
  }

  static Path jar() {
    String jar = System.getProperty("rapport.jar");
    assertThat(jar).as("system property rapport.jar (set by failsafe)").isNotNull();
    Path path = Path.of(jar);
    assertThat(path).as("the jar; run 'mvn verify', which packages it first").exists();
    return path;
  }

  /** {@code java -jar rapport.jar --data DATA ARGS...}, output to files under {@code logs}. */
  static Run rapport(Path data, Path logs, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString(),
                "--data",
                data.toString()));
    command.addAll(List.of(args));
    return start(command, logs);
  }

  /**
   * As {@link #rapport(Path, Path, String...)}, with JVM options (such as -D properties) and extra
   * environment variables.
   */
  static Run rapport(
      Path data,
      Path logs,
      List<String> jvmOptions,
      java.util.Map<String, String> env,
      String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString(), "--data", data.toString()));
    command.addAll(List.of(args));
    return start(command, logs, env);
  }

  /** A Java class from the test classes, with rapport.jar on the class path. */
  static Run testMain(Class<?> main, Path logs, String... args) {
    String testClasses;
    try {
      testClasses =
          Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                java(), "-cp", testClasses + java.io.File.pathSeparator + jar(), main.getName()));
    command.addAll(List.of(args));
    return start(command, logs);
  }

  private static Run start(List<String> command, Path logs) {
    return start(command, logs, java.util.Map.of());
  }

  private static Run start(List<String> command, Path logs, java.util.Map<String, String> env) {
    try {
      Files.createDirectories(logs);
      int n = counter.incrementAndGet();
      Path out = logs.resolve(n + ".out");
      Path err = logs.resolve(n + ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      // The usual places (config.Places) under the logs, never the real ~/.config.
      builder
          .environment()
          .put("XDG_CONFIG_HOME", logs.toAbsolutePath().resolve("xdg-config").toString());
      builder
          .environment()
          .put("XDG_DATA_HOME", logs.toAbsolutePath().resolve("xdg-data").toString());
      builder.environment().remove("RAPPORT_CONFIG");
      builder.environment().putAll(env);
      Process p = builder.start();
      return new Run(p, out, err, command);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** See {@link Await#until}. */
  static void await(Duration timeout, String what, BooleanSupplier condition) {
    Await.until(timeout, what, condition);
  }

  /** What the daemon wrote to {@code data/db.server}: port and pid, or nothing yet. */
  static java.util.Properties announcement(Path data) {
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newBufferedReader(data.resolve("db.server"))) {
      p.load(in);
    } catch (java.nio.file.NoSuchFileException e) {
      // not (yet) announced
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** Waits until the daemon printed its banner and db.server names its process. */
  static void awaitUp(Run daemon, Path data) {
    await(
        STARTUP,
        "the daemon to start",
        () -> {
          if (!daemon.process().isAlive()) throw new AssertionError("the daemon ended: " + daemon);
          return daemon.out().contains("Stop with Ctrl-C.")
              && String.valueOf(daemon.pid()).equals(announcement(data).getProperty("pid"));
        });
  }

  /** A port free on 127.0.0.1 at this moment. */
  static int freePort() {
    return dev.rapport.testing.FreePorts.next();
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
