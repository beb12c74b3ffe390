package dev.rapport.cli;

import dev.rapport.store.LoopbackOnly;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs rapport command lines in this JVM against one data folder, the way a user would type them,
 * and captures what they print and their exit code. Each run builds the CLI afresh, as a new
 * process would.
 */
public final class CliRunner {
  static {
    LoopbackOnly.configure();
  }

  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private final Path data;
  private final Path config;
  private final Map<String, String> env = new HashMap<>();
  private Clock clock = Clock.systemDefaultZone();
  private String stdin = "";

  /** A runner on {@code data}, with no config file (sandbox defaults). */
  public CliRunner(Path data) {
    this(data, null);
  }

  /** A runner on {@code data} with the config file {@code config} (null for none). */
  public CliRunner(Path data, Path config) {
    this.data = data;
    this.config = config;
  }

  public CliRunner env(String key, String value) {
    env.put(key, value);
    return this;
  }

  /** What the commands of the following runs read from standard input. */
  public CliRunner stdin(String text) {
    this.stdin = text;
    return this;
  }

  public CliRunner clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  public Result run(String... args) {
    return run(new StringWriter(), args);
  }

  /**
   * A command running on a thread of its own, for a test that must act on what it prints while it
   * waits (a sign-in link to follow): {@code out} grows as the command prints.
   */
  public record Running(StringWriter out, java.util.concurrent.CompletableFuture<Result> result) {}

  public Running start(String... args) {
    StringWriter out = new StringWriter();
    return new Running(
        out, java.util.concurrent.CompletableFuture.supplyAsync(() -> run(out, args)));
  }

  private Result run(StringWriter out, String... args) {
    List<String> all = new ArrayList<>(List.of("--data", data.toString()));
    if (config != null) all.addAll(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    StringWriter err = new StringWriter();
    Path noConfig = data.resolveSibling("no-config-here.yaml");
    int code =
        Cli.run(
            all.toArray(String[]::new),
            clock,
            env,
            noConfig,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out),
            new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }
}
