package dev.rapport.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the service runs: the daemon's whole command line with absolute paths, the folder it runs
 * in, and the environment it needs besides the service manager's. Never a password: the config
 * names a password_command or a password_env, and {@code environmentFile} (optional, the user's
 * own, 0600) is where the variables for password_env go.
 *
 * @param command the program and its arguments, {@code run} last
 * @param workingDirectory where relative paths of the config (such as {@code templates}) resolve
 * @param environment variables set for the daemon, in order
 * @param environmentFile systemd only: read when present
 * @param logFile launchd only: where the daemon's stdout and stderr go (systemd: the journal)
 */
public record ServiceSpec(
    List<String> command,
    Path workingDirectory,
    Map<String, String> environment,
    Optional<Path> environmentFile,
    Path logFile) {
  public static final String LABEL = "dev.rapport.daemon";

  public ServiceSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    if (command.isEmpty()) throw new IllegalArgumentException("no command");
    for (String arg : command)
      if (arg.indexOf('\n') >= 0 || arg.indexOf('\r') >= 0 || arg.indexOf('\0') >= 0)
        throw new IllegalArgumentException("a line break in the command: " + arg);
  }
}
