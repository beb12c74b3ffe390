package dev.rapport.cli;

import dev.rapport.App;
import dev.rapport.config.Config;
import dev.rapport.config.ConfigLoader;
import dev.rapport.config.Places;
import dev.rapport.logging.LogConfigurator;
import dev.rapport.store.DataFolder;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root: global options, and the list of commands. */
@Command(
    name = "rapport",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Outreach assistant for informational interviews: drafts, review, sending, replies, follow-ups.")
public final class RapportCommand implements AutoCloseable {
  /**
   * The commands, as a mixin: {@link CommandList} (all of them) unless {@link LeanCommandLine} put
   * only the one being run here, so that picocli models one command instead of eighty.
   */
  @Mixin Object commands = new CommandList();

  @Option(
      names = "--config",
      paramLabel = "PATH",
      description =
          "Config file (default: $RAPPORT_CONFIG, config/rapport.yaml here, or"
              + " $XDG_CONFIG_HOME/rapport/rapport.yaml; without one, rapport runs as a sandbox).")
  Path configPath;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data folder (default: $RAPPORT_DATA, data/ in a project folder, or"
              + " $XDG_DATA_HOME/rapport; 'doctor' says which and why).")
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
  private EarlyDatabase early;

  /** Null: look in the usual places ({@link Places}); else the config file tests stand in. */
  private final Path defaultConfig;

  private final Path cwd;
  private final Path home;
  private Places places;

  private final InputStream in;

  public RapportCommand(Clock clock, Map<String, String> env, Path defaultConfig) {
    this(clock, env, defaultConfig, System.in);
  }

  public RapportCommand(Clock clock, Map<String, String> env, Path defaultConfig, InputStream in) {
    this(clock, env, defaultConfig, null, null, in);
  }

  /**
   * With {@code defaultConfig} null, the config, data and templates are looked for in the usual
   * places from {@code cwd} and {@code home} (null: the process's own).
   */
  RapportCommand(
      Clock clock,
      Map<String, String> env,
      Path defaultConfig,
      Path cwd,
      Path home,
      InputStream in) {
    this.clock = clock;
    this.env = env;
    this.defaultConfig = defaultConfig;
    this.cwd = cwd;
    this.home = home;
    this.in = in;
  }

  /** Where the config, the data and the templates are for this run, and why. */
  Places places() {
    if (places == null) places = placesFor(configPath, dataDir);
    return places;
  }

  /** Where the config, the data and the templates are with these flags (either may be null). */
  Places placesFor(Path configFlag, Path dataFlag) {
    return defaultConfig != null
        ? Places.fixed(configFlag, dataFlag, env, defaultConfig)
        : Places.find(
            configFlag,
            dataFlag,
            env,
            cwd != null ? cwd : Path.of("").toAbsolutePath(),
            home != null ? home : homeFolder());
  }

  /** Where commands read what they ask the user (standard input, or a test's text). */
  InputStream in() {
    return in;
  }

  /** $HOME, as the shell and systemd set it (the JVM's user.home comes from the user database). */
  private Path homeFolder() {
    String fromEnv = env.get("HOME");
    return fromEnv != null && Path.of(fromEnv).isAbsolute()
        ? Path.of(fromEnv)
        : Path.of(System.getProperty("user.home"));
  }

  /** The configuration, loaded once on first use. */
  Config config() {
    if (config == null) config = loadConfig(places());
    return config;
  }

  /** The config file {@code p} names, or the sandbox's defaults. */
  static Config loadConfig(Places p) {
    return p.config().isPresent()
        ? ConfigLoader.load(p.config().get(), p.configExplicit(), p::templates)
        : ConfigLoader.sandboxDefaults(p::templates);
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
    return places().data();
  }

  /** The application, built on first use by the command that needs it. */
  App app() {
    if (app == null) {
      app = new App(config(), new DataFolder(dataPath()), clock, env);
      if (early != null && early.fits(configPath, dataDir)) app.openWith(early::database);
    }
    return app;
  }

  /**
   * Opens the database on a second thread while picocli parses {@code args}, when the command will
   * want it ({@link EarlyDatabase}).
   */
  void startEarly(String[] args) {
    early = EarlyDatabase.start(this, args).orElse(null);
    // logback starts here, meanwhile, instead of on that thread at its first logger
    if (early != null) org.slf4j.LoggerFactory.getILoggerFactory();
  }

  boolean isVerbose() {
    return verbose;
  }

  @Override
  public void close() {
    if (app != null) app.close();
    if (early != null) early.closeUnused();
  }
}
