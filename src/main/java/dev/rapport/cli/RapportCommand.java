package dev.rapport.cli;

import dev.rapport.App;
import dev.rapport.config.Config;
import dev.rapport.config.ConfigLoader;
import dev.rapport.logging.LogConfigurator;
import dev.rapport.store.DataFolder;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root: global options, and the list of commands. */
@Command(
    name = "rapport",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Outreach assistant for informational interviews: drafts, review, sending, replies, follow-ups.",
    subcommands = {
      RunCommand.class,
      SyncCommand.class,
      DoctorCommand.class,
      DashboardCommand.class,
      ContactsCommand.class,
      HypothesesCommand.class,
      OutreachCommand.class,
      DraftsCommand.class,
      StatsCommand.class,
      NextCommand.class,
      PauseCommand.class,
      ResumeCommand.class,
      SandboxCommand.class,
      QuestionsCommand.class,
      InterviewsCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      SetupCommand.class
    })
public final class RapportCommand implements AutoCloseable {
  static final Path DEFAULT_CONFIG = Path.of("config", "rapport.yaml");

  @Option(
      names = "--config",
      paramLabel = "PATH",
      description =
          "Config file (default: config/rapport.yaml; without one, rapport runs as a sandbox).")
  Path configPath;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data folder (default: $RAPPORT_DATA or data/).")
  Path dataDir;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Show details and logs on errors.")
  void verbose(boolean on) {
    verbose = on;
    if (on) LogConfigurator.verbose();
  }

  boolean verbose;
  private final Clock clock;
  private final Map<String, String> env;
  private App app;
  private Config config;

  private final Path defaultConfig;

  private final InputStream in;

  public RapportCommand(Clock clock, Map<String, String> env, Path defaultConfig) {
    this(clock, env, defaultConfig, System.in);
  }

  public RapportCommand(Clock clock, Map<String, String> env, Path defaultConfig, InputStream in) {
    this.clock = clock;
    this.env = env;
    this.defaultConfig = defaultConfig;
    this.in = in;
  }

  /** Where commands read what they ask the user (standard input, or a test's text). */
  InputStream in() {
    return in;
  }

  /** The configuration, loaded once on first use. */
  Config config() {
    if (config == null) {
      Path path = configPath != null ? configPath : defaultConfig;
      config = ConfigLoader.load(path, configPath != null);
    }
    return config;
  }

  /** The config file in use: --config, or the default path. */
  Path configFile() {
    return configPath != null ? configPath : defaultConfig;
  }

  /** The environment commands see (the process's, or a test's). */
  Map<String, String> env() {
    return env;
  }

  Clock clock() {
    return clock;
  }

  Path dataPath() {
    if (dataDir != null) return dataDir;
    String fromEnv = env.get("RAPPORT_DATA");
    return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : "data");
  }

  /** The application, built on first use by the command that needs it. */
  App app() {
    if (app == null) app = new App(config(), new DataFolder(dataPath()), clock, env);
    return app;
  }

  boolean isVerbose() {
    return verbose;
  }

  @Override
  public void close() {
    if (app != null) app.close();
  }
}
