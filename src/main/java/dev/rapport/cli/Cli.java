package dev.rapport.cli;

import dev.rapport.RapportException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the command line and maps what goes wrong to exit codes: 0 done, 1 failed (one or two
 * sentences on stderr), 2 bad usage (picocli prints the usage). No stack trace reaches a user
 * unless they asked for it with {@code -v}.
 */
public final class Cli {
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private Cli() {}

  /**
   * Runs one command line with the given streams, the config, data and templates in the usual
   * places ({@code dev.rapport.config.Places}); the entry point for Main.
   */
  public static int run(
      String[] args, Clock clock, Map<String, String> env, PrintWriter out, PrintWriter err) {
    return execute(new RapportCommand(clock, env, null, null, null, System.in), args, out, err);
  }

  /** As above, looking for the usual places from {@code cwd} and {@code home} (for tests). */
  static int run(
      String[] args,
      Clock clock,
      Map<String, String> env,
      Path cwd,
      Path home,
      PrintWriter out,
      PrintWriter err) {
    return execute(new RapportCommand(clock, env, null, cwd, home, System.in), args, out, err);
  }

  /**
   * With a fixed default config path instead of the usual places, and {@code data/} or {@code
   * RAPPORT_DATA} for the data (tests use a config path that does not exist: the sandbox).
   */
  public static int run(
      String[] args,
      Clock clock,
      Map<String, String> env,
      Path defaultConfig,
      PrintWriter out,
      PrintWriter err) {
    return run(args, clock, env, defaultConfig, System.in, out, err);
  }

  /** As above, reading what a command asks for (interview notes) from {@code in}. */
  public static int run(
      String[] args,
      Clock clock,
      Map<String, String> env,
      Path defaultConfig,
      InputStream in,
      PrintWriter out,
      PrintWriter err) {
    return execute(new RapportCommand(clock, env, defaultConfig, in), args, out, err);
  }

  private static int execute(
      RapportCommand command, String[] args, PrintWriter out, PrintWriter err) {
    try (RapportCommand root = command) {
      root.startEarly(args);
      CommandLine cli = LeanCommandLine.of(root, args);
      // Text from mail and imports reaches the terminal only through these (TerminalText);
      // picocli's
      // own colours would be spelled out by them, so usage help comes plain.
      cli.setOut(new TerminalWriter(out));
      cli.setErr(new TerminalWriter(err));
      cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
      cli.setCaseInsensitiveEnumValuesAllowed(true);
      cli.setExecutionExceptionHandler(new Reporter(root));
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Reports what a command threw. A class, not a lambda: a lambda is spun at every start, which
   * costs a few milliseconds of generated classes.
   */
  private static final class Reporter implements CommandLine.IExecutionExceptionHandler {
    private final RapportCommand root;

    Reporter(RapportCommand root) {
      this.root = root;
    }

    @Override
    public int handleExecutionException(
        Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
      return report(e, root.isVerbose(), commandLine.getErr());
    }
  }

  static int report(Exception e, boolean verbose, PrintWriter err) {
    if (e instanceof RapportException) {
      err.println(e.getMessage());
      if (verbose && e.getCause() != null) e.getCause().printStackTrace(err);
    } else if (e instanceof CommandLine.ParameterException) {
      err.println(e.getMessage());
      return USAGE;
    } else {
      err.println(
          "rapport failed unexpectedly: " + e + ". Run the command again with -v for details.");
      if (verbose) e.printStackTrace(err);
    }
    err.flush();
    return FAILED;
  }
}
