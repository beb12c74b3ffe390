package dev.rapport.cli;

import dev.rapport.config.Config;
import dev.rapport.service.ServiceInstaller;
import dev.rapport.service.ServiceSpec;
import dev.rapport.service.SystemCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code service install|uninstall|status}: the daemon as a systemd user service (Linux) or a
 * launchd agent (macOS), with the config and data folder in effect now.
 */
@Command(
    name = "service",
    mixinStandardHelpOptions = true,
    description =
        "Run the daemon as a service of your user that starts at login: systemd on Linux, launchd on macOS.",
    subcommands = {
      ServiceCommand.Install.class,
      ServiceCommand.Uninstall.class,
      ServiceCommand.Status.class
    })
final class ServiceCommand {
  /** Environment variable the service sets, so the daemon knows its output goes to a log. */
  static final String SERVICE_ENV = "RAPPORT_SERVICE";

  static ServiceInstaller installer(RapportCommand root) {
    return new ServiceInstaller(
        ServiceInstaller.Kind.of(System.getProperty("os.name")),
        root.env(),
        SystemCommand.real(Duration.ofSeconds(60)));
  }

  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description =
          "Write the service's file for 'rapport run' with the config and data folder in effect now (absolute paths; --config and --data choose others), run from this folder. It holds no password: use password_command, or password_env with the variable in the service's environment file (the command says where). --now also starts it.")
  static final class Install extends AppCommand {
    @Option(names = "--now", description = "Also enable and start it (systemctl or launchctl).")
    boolean now;

    @Option(
        names = "--print",
        description = "Only print the file it would write, and write nothing.")
    boolean print;

    @Override
    public Integer call() {
      RapportCommand root = root();
      ServiceInstaller installer = installer(root);
      Config config = root.config(); // a config that does not load must not become a service
      ServiceSpec spec = spec(root, config, installer);
      String version =
          VersionProvider.lines(VersionProvider.load())[0].replaceFirst("^rapport ", "");
      if (print) {
        out().print(installer.text(spec, version));
        out().flush();
        return 0;
      }
      installer.install(spec, version, now).forEach(out()::println);
      List<String> envVariables = passwordVariables(config);
      if (!envVariables.isEmpty() && installer.kind() == ServiceInstaller.Kind.SYSTEMD)
        out()
            .println(
                "The config reads passwords from "
                    + String.join(" and ", envVariables)
                    + ": the service does not see your shell's variables; put "
                    + envVariables.get(0)
                    + "=... in "
                    + installer.environmentFile()
                    + " (chmod 600), or use password_command.");
      else if (!envVariables.isEmpty())
        out()
            .println(
                "The config reads passwords from "
                    + String.join(" and ", envVariables)
                    + ", which a launchd agent does not see: use password_command (e.g. the"
                    + " 'security' command of the keychain).");
      if (config.sandbox())
        out()
            .println(
                "No mail account is configured: the service runs the sandbox. Install again"
                    + " after you wrote your config.");
      return 0;
    }

    private ServiceSpec spec(RapportCommand root, Config config, ServiceInstaller installer) {
      List<String> command = new ArrayList<>(program());
      Optional<Path> source = config.source();
      if (root.configPath != null) source = Optional.of(root.configPath);
      source.ifPresent(p -> command.addAll(List.of("--config", p.toAbsolutePath().toString())));
      Path data = root.dataPath().toAbsolutePath().normalize();
      command.addAll(List.of("--data", data.toString(), "run"));
      Map<String, String> env = new LinkedHashMap<>();
      env.put(SERVICE_ENV, installer.kind().name().toLowerCase(java.util.Locale.ROOT));
      // the Java that runs this command, for the launcher; PATH as now, for a password_command
      env.put("JAVA_HOME", System.getProperty("java.home"));
      String path = root.env().get("PATH");
      if (path != null && !path.isBlank()) env.put("PATH", path);
      return new ServiceSpec(
          command,
          Path.of("").toAbsolutePath(),
          env,
          Optional.of(installer.environmentFile()),
          data.resolve("service.log"));
    }
  }

  /**
   * The launcher of the release archive when this runs from it (bin/rapport tells its path), else
   * this Java and this jar.
   */
  static List<String> program() {
    String launcher = System.getProperty("rapport.launcher");
    if (launcher != null && Files.isExecutable(Path.of(launcher)))
      return List.of(Path.of(launcher).toAbsolutePath().normalize().toString());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return List.of(java.toString(), "-jar", jar().toString());
  }

  private static Path jar() {
    try {
      Path location =
          Path.of(ServiceCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (location.toString().endsWith(".jar")) return location.toAbsolutePath();
    } catch (Exception e) {
      // fall through
    }
    throw new dev.rapport.InvalidInputException(
        "The service runs rapport.jar, and this rapport was not started from one: build it with"
            + " 'mvn -q -DskipTests package' and run 'java -jar target/rapport.jar service install'.");
  }

  static List<String> passwordVariables(Config config) {
    TreeSet<String> names = new TreeSet<>();
    config
        .mail()
        .ifPresent(
            m -> {
              if (m.smtp().password().envVariable() != null)
                names.add(m.smtp().password().envVariable());
              if (m.imap().password().envVariable() != null)
                names.add(m.imap().password().envVariable());
            });
    return List.copyOf(names);
  }

  @Command(
      name = "uninstall",
      mixinStandardHelpOptions = true,
      description = "Stop and disable the service, and remove its file.")
  static final class Uninstall extends AppCommand {
    @Override
    public Integer call() {
      installer(root()).uninstall().forEach(out()::println);
      return 0;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Whether the service is installed, and what the service manager says of it.")
  static final class Status extends AppCommand {
    @Override
    public Integer call() {
      installer(root()).status().forEach(out()::println);
      return 0;
    }
  }
}
