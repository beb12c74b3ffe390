package dev.rapport.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where this run's config file, data folder and templates folder are, and why (docs/PLACES.md).
 *
 * <p>Config: {@code --config}, then {@code $RAPPORT_CONFIG}, then {@code config/rapport.yaml} in
 * the working directory, then {@code $XDG_CONFIG_HOME/rapport/rapport.yaml} (default {@code
 * ~/.config}); none of them: the sandbox. Data: {@code --data}, then {@code $RAPPORT_DATA}, then
 * {@code data/} in a project folder, then {@code $XDG_DATA_HOME/rapport} (default {@code
 * ~/.local/share}). A project folder is a working directory with {@code config/rapport.yaml},
 * {@code config/rapport.example.yaml} or a data folder of rapport's ({@code data/db.secret}): the
 * repository, or a folder set up the way rapport always worked.
 *
 * <p>A relative {@code templates:} folder is relative to the working directory in a project folder,
 * else to the config file's folder (without a config file: {@code $XDG_CONFIG_HOME/rapport}).
 *
 * @param config the config file; empty for none (the sandbox)
 * @param configExplicit whether the user named it (a missing file is then an error)
 * @param templatesBase what relative templates paths resolve against; null: the working directory
 */
public record Places(
    Optional<Path> config,
    boolean configExplicit,
    String configWhy,
    Path data,
    String dataWhy,
    Path templatesBase) {

  /** Looks in the usual places: {@code env} holds the environment, {@code cwd} is absolute. */
  public static Places find(
      Path configFlag, Path dataFlag, Map<String, String> env, Path cwd, Path home) {
    boolean project =
        Files.isRegularFile(cwd.resolve("config").resolve("rapport.yaml"))
            || Files.isRegularFile(cwd.resolve("config").resolve("rapport.example.yaml"))
            || Files.isRegularFile(cwd.resolve("data").resolve("db.secret"));
    Path xdgConfig = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("rapport");
    Path xdgData = xdg(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));

    Optional<Path> config;
    boolean explicit = false;
    String configWhy;
    Path local = Path.of("config", "rapport.yaml");
    Path xdgFile = xdgConfig.resolve("rapport.yaml");
    if (configFlag != null) {
      config = Optional.of(configFlag);
      explicit = true;
      configWhy = "from --config";
    } else if (set(env, "RAPPORT_CONFIG")) {
      config = Optional.of(Path.of(env.get("RAPPORT_CONFIG")));
      explicit = true;
      configWhy = "from RAPPORT_CONFIG";
    } else if (Files.isRegularFile(cwd.resolve(local))) {
      config = Optional.of(local);
      configWhy = "found in the working directory";
    } else if (Files.isRegularFile(xdgFile)) {
      config = Optional.of(xdgFile);
      configWhy = xdgWhy(env, "XDG_CONFIG_HOME", "~/.config");
    } else {
      config = Optional.empty();
      configWhy = "none found (looked for " + local + " here and " + xdgFile + "): the sandbox";
    }

    Path data;
    String dataWhy;
    if (dataFlag != null) {
      data = dataFlag;
      dataWhy = "from --data";
    } else if (set(env, "RAPPORT_DATA")) {
      data = Path.of(env.get("RAPPORT_DATA"));
      dataWhy = "from RAPPORT_DATA";
    } else if (project) {
      data = Path.of("data");
      dataWhy = "the working directory is a project folder";
    } else {
      data = xdgData.resolve("rapport");
      dataWhy = xdgWhy(env, "XDG_DATA_HOME", "~/.local/share");
    }

    Path templatesBase =
        project ? null : config.map(p -> cwd.resolve(p).getParent()).orElse(xdgConfig);
    return new Places(config, explicit, configWhy, data, dataWhy, templatesBase);
  }

  /**
   * As rapport chose before the usual places existed: the flags, {@code RAPPORT_DATA}, else {@code
   * defaultConfig} and {@code data/}; for tests, which must never look in the user's home.
   */
  public static Places fixed(
      Path configFlag, Path dataFlag, Map<String, String> env, Path defaultConfig) {
    Path data;
    String dataWhy;
    if (dataFlag != null) {
      data = dataFlag;
      dataWhy = "from --data";
    } else if (set(env, "RAPPORT_DATA")) {
      data = Path.of(env.get("RAPPORT_DATA"));
      dataWhy = "from RAPPORT_DATA";
    } else {
      data = Path.of("data");
      dataWhy = "the default";
    }
    return new Places(
        Optional.of(configFlag != null ? configFlag : defaultConfig),
        configFlag != null,
        configFlag != null ? "from --config" : "the default",
        data,
        dataWhy,
        null);
  }

  /** A relative {@code templates:} folder made absolute as these places say (or kept as it is). */
  public Path templates(Path configured) {
    return templatesBase == null || configured.isAbsolute()
        ? configured
        : templatesBase.resolve(configured);
  }

  private static boolean set(Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }

  /** The XDG base directory spec: a variable that is unset, empty or relative is ignored. */
  private static Path xdg(Map<String, String> env, String name, Path fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank() || !Path.of(v).isAbsolute()) return fallback;
    return Path.of(v);
  }

  private static String xdgWhy(Map<String, String> env, String name, String fallback) {
    String v = env.get(name);
    return v == null || v.isBlank() || !Path.of(v).isAbsolute()
        ? "the XDG default under " + fallback
        : "from " + name;
  }
}
