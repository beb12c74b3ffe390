package dev.rapport.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text of the systemd user unit {@code rapport.service}: the daemon in the foreground, its
 * output in the journal, restarted when it fails (not when it is stopped), started at login.
 */
public final class UnitFile {
  public static final String NAME = "rapport.service";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@+=,-]+");

  private UnitFile() {}

  public static String text(ServiceSpec spec, String version) {
    StringBuilder u = new StringBuilder();
    u.append("# Written by 'rapport service install' (rapport ")
        .append(version)
        .append("); 'rapport service uninstall' removes it.\n")
        .append("# It holds no password: the config names a password_command, or a password_env\n")
        .append("# whose variable goes in the EnvironmentFile below (readable by you only).\n")
        .append("[Unit]\n")
        .append("Description=rapport, outreach assistant for informational interviews\n")
        .append("\n[Service]\n")
        .append("Type=exec\n")
        .append("WorkingDirectory=")
        .append(escapeSpecifiers(spec.workingDirectory().toString()))
        .append('\n');
    for (Map.Entry<String, String> e : new TreeMap<>(spec.environment()).entrySet())
      u.append("Environment=").append(quote(e.getKey() + "=" + e.getValue())).append('\n');
    spec.environmentFile()
        .ifPresent(
            f -> u.append("EnvironmentFile=-").append(escapeSpecifiers(f.toString())).append('\n'));
    u.append("ExecStart=")
        .append(commandLine(spec.command()))
        .append('\n')
        // run ends with 0 on SIGTERM after stopping its parts in order
        .append("Restart=on-failure\n")
        .append("RestartSec=10s\n")
        .append("TimeoutStopSec=60s\n")
        .append("StandardOutput=journal\n")
        .append("StandardError=journal\n")
        .append("\n[Install]\n")
        .append("WantedBy=default.target\n");
    return u.toString();
  }

  static String commandLine(List<String> command) {
    return command.stream().map(UnitFile::quote).collect(Collectors.joining(" "));
  }

  /**
   * One word for ExecStart or Environment: as it is when plain, else in double quotes with
   * backslash and quote escaped; % and $ doubled everywhere, so systemd expands nothing.
   */
  static String quote(String word) {
    String s = escapeSpecifiers(word).replace("$", "$$");
    if (PLAIN.matcher(word).matches()) return s;
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String escapeSpecifiers(String s) {
    return s.replace("%", "%%");
  }
}
