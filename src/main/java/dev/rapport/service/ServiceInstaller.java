package dev.rapport.service;

import dev.rapport.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes and removes the daemon's service definition: a systemd user unit on Linux (in {@code
 * $XDG_CONFIG_HOME/systemd/user}, default {@code ~/.config}), a launchd agent on macOS (in {@code
 * ~/Library/LaunchAgents}); with {@code now}, asks the service manager to start it. Returns what it
 * did, sentence by sentence, for the CLI to print.
 */
public final class ServiceInstaller {
  /** Which service manager: from the operating system's name. */
  public enum Kind {
    SYSTEMD,
    LAUNCHD;

    public static Kind of(String osName) {
      String os = osName.toLowerCase(Locale.ROOT);
      if (os.contains("mac") || os.contains("darwin")) return LAUNCHD;
      if (os.contains("linux")) return SYSTEMD;
      throw new InvalidInputException(
          "rapport installs a service with systemd (Linux) or launchd (macOS), not on "
              + osName
              + "; start 'rapport run' with your system's own means instead.");
    }
  }

  private final Kind kind;
  private final Map<String, String> env;
  private final SystemCommand system;

  public ServiceInstaller(Kind kind, Map<String, String> env, SystemCommand system) {
    this.kind = kind;
    this.env = env;
    this.system = system;
  }

  public Kind kind() {
    return kind;
  }

  /** Where the unit or agent file goes. */
  public Path file() {
    return switch (kind) {
      case SYSTEMD -> configHome().resolve("systemd").resolve("user").resolve(UnitFile.NAME);
      case LAUNCHD -> home().resolve("Library").resolve("LaunchAgents").resolve(LaunchdPlist.NAME);
    };
  }

  /** Where a user may keep variables for password_env, read by the unit when present. */
  public Path environmentFile() {
    return configHome().resolve("rapport").resolve("service.env");
  }

  public String text(ServiceSpec spec, String version) {
    return switch (kind) {
      case SYSTEMD -> UnitFile.text(spec, version);
      case LAUNCHD -> LaunchdPlist.text(spec, version);
    };
  }

  /** Writes the file (replacing an older one); with {@code now} enables and starts it. */
  public List<String> install(ServiceSpec spec, String version, boolean now) {
    Path file = file();
    List<String> said = new ArrayList<>();
    boolean existed = Files.exists(file);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".rapport", ".tmp");
      Files.writeString(tmp, text(spec, version), StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new dev.rapport.RapportException(
          "Could not write " + file + ": " + e.getMessage() + ".", e);
    }
    said.add((existed ? "Replaced " : "Wrote ") + file + ".");
    if (!now) {
      said.addAll(howToStart());
      return said;
    }
    for (List<String> step : startSteps()) {
      SystemCommand.Result r = system.run(step);
      if (!r.ok())
        throw new ServiceException(
            String.join(" ", step)
                + " failed"
                + (r.output().isBlank() ? "" : ": " + r.output())
                + ". The file is written; start it by hand once that works.");
    }
    said.add(
        switch (kind) {
          case SYSTEMD ->
              "Started rapport.service; it starts again at each login and after a"
                  + " failure. Its log: journalctl --user -u rapport.service (and rapport.log in the"
                  + " data folder).";
          case LAUNCHD ->
              "Started "
                  + ServiceSpec.LABEL
                  + "; it starts again at each login and"
                  + " after a failure.";
        });
    return said;
  }

  /** Stops and disables the service when it is known to the manager, then removes the file. */
  public List<String> uninstall() {
    Path file = file();
    List<String> said = new ArrayList<>();
    if (!Files.exists(file)) {
      said.add("No service installed: " + file + " does not exist.");
      return said;
    }
    SystemCommand.Result stopped = system.run(stopCommand());
    if (!stopped.ok())
      said.add(
          String.join(" ", stopCommand())
              + " did not succeed"
              + (stopped.output().isBlank() ? "" : " (" + firstLine(stopped.output()) + ")")
              + "; if the daemon still runs, stop it by hand.");
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new dev.rapport.RapportException(
          "Could not remove " + file + ": " + e.getMessage() + ".", e);
    }
    said.add("Removed " + file + ".");
    if (kind == Kind.SYSTEMD) system.run(List.of("systemctl", "--user", "daemon-reload"));
    return said;
  }

  /** Whether the file is there and, when it is, what the manager says. */
  public List<String> status() {
    Path file = file();
    List<String> said = new ArrayList<>();
    if (!Files.exists(file)) {
      said.add("No service installed (" + file + " does not exist); 'rapport service install'.");
      return said;
    }
    said.add("Installed: " + file + ".");
    List<String> ask =
        kind == Kind.SYSTEMD
            ? List.of("systemctl", "--user", "is-active", UnitFile.NAME)
            : List.of("launchctl", "list", ServiceSpec.LABEL);
    SystemCommand.Result r = system.run(ask);
    if (kind == Kind.SYSTEMD)
      said.add(
          "State: "
              + (r.output().isBlank() ? "unknown" : firstLine(r.output()))
              + " (systemctl --user status rapport.service tells more).");
    else said.add(r.ok() ? "Loaded in launchd." : "Not loaded in launchd.");
    return said;
  }

  private List<List<String>> startSteps() {
    return switch (kind) {
      case SYSTEMD ->
          List.of(
              List.of("systemctl", "--user", "daemon-reload"),
              List.of("systemctl", "--user", "enable", "--now", UnitFile.NAME));
      case LAUNCHD -> List.of(List.of("launchctl", "load", "-w", file().toString()));
    };
  }

  private List<String> stopCommand() {
    return switch (kind) {
      case SYSTEMD -> List.of("systemctl", "--user", "disable", "--now", UnitFile.NAME);
      case LAUNCHD -> List.of("launchctl", "unload", "-w", file().toString());
    };
  }

  private List<String> howToStart() {
    return switch (kind) {
      case SYSTEMD ->
          List.of(
              "Start it now and at each login: systemctl --user daemon-reload && systemctl --user"
                  + " enable --now rapport.service (or: rapport service install --now).",
              "Its log: journalctl --user -u rapport.service. To keep it running while you are"
                  + " logged out: loginctl enable-linger.");
      case LAUNCHD ->
          List.of(
              "Start it now and at each login: launchctl load -w "
                  + file()
                  + " (or: rapport service install --now).");
    };
  }

  private Path configHome() {
    String xdg = env.get("XDG_CONFIG_HOME");
    // The XDG spec: a relative value is invalid and ignored.
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg);
    return home().resolve(".config");
  }

  private Path home() {
    String home = env.get("HOME");
    if (home == null || home.isBlank()) home = System.getProperty("user.home");
    return Path.of(home);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The service manager refused; the message says which command and what it answered. */
  public static final class ServiceException extends dev.rapport.RapportException {
    ServiceException(String message) {
      super(message);
    }
  }
}
