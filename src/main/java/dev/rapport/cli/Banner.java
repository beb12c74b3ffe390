package dev.rapport.cli;

import dev.rapport.App;
import dev.rapport.config.Config;
import dev.rapport.daemon.Daemon;
import dev.rapport.daemon.SandboxMail;
import dev.rapport.daemon.SharedDatabase;
import dev.rapport.dashboard.Dashboard;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first lines {@code run} prints: where mail goes, where data lives, what runs, how to go on.
 */
final class Banner {
  private Banner() {}

  static void print(PrintWriter out, App app, Daemon daemon, RapportCommand root) {
    int dbPort = daemon.part(SharedDatabase.class).map(SharedDatabase::port).orElse(0);
    Optional<SandboxMail.Ports> sandbox = daemon.part(SandboxMail.class).map(SandboxMail::ports);
    List<String> lines =
        lines(
            app.config(), app.data().path(), app.data().logFile(), dbPort, sandbox, command(root));
    boolean toALog = underService(app.env());
    daemon
        .part(Dashboard.class)
        .ifPresent(
            d -> lines.add(lines.size() - 2, toALog ? serviceDashboardLine(d) : dashboardLine(d)));
    lines.forEach(out::println);
    out.flush();
  }

  static List<String> lines(
      Config config,
      Path data,
      Path log,
      int dbPort,
      Optional<SandboxMail.Ports> sandbox,
      String command) {
    List<String> lines = new ArrayList<>();
    if (sandbox.isPresent()) {
      SandboxMail.Ports p = sandbox.get();
      lines.add("rapport sandbox: no mail account is configured, so nothing leaves this machine.");
      lines.add(
          "  Sandbox mail server on 127.0.0.1 only: SMTP "
              + p.smtp()
              + ", IMAP "
              + p.imap()
              + ", with the mailbox of "
              + config.me().email()
              + " (kept in memory, empty at each start).");
    } else {
      lines.add(
          "rapport, with the mail account in "
              + config.source().map(Path::toString).orElse("the config file")
              + " ("
              + config.me().email()
              + ").");
    }
    lines.add("  Data: " + data + "  (log: " + log + ")");
    if (sandbox.isPresent()) {
      lines.add(
          "  Running: the database, shared with rapport commands on 127.0.0.1:"
              + dbPort
              + ", the sandbox mail server, the inbox watcher (replies, out-of-office notes and bounces move your contacts;"
              + " try 'sandbox reply ID'), and the outbox: approved drafts are sent to the sandbox within seconds"
              + " (no sending window in the sandbox).");
    } else {
      Config.Mail mail = config.mail().orElseThrow();
      Config.Pacing p = config.pacing();
      lines.add(
          "  Running: the database, shared with rapport commands on 127.0.0.1:"
              + dbPort
              + ", the inbox watcher on "
              + mail.imap().host()
              + " ("
              + mail.imap().inbox()
              + ", read only),"
              + " and the outbox: approved drafts are sent through "
              + mail.smtp().host()
              + " between "
              + p.windowStart()
              + " and "
              + p.windowEnd()
              + (p.weekdaysOnly() ? " on weekdays" : "")
              + " ("
              + p.timezone()
              + "), at most "
              + p.maxPerDay()
              + " a day, with a copy in Sent on "
              + mail.imap().host()
              + ".");
    }
    lines.add(
        "  Scheduler: follow-up drafts "
            + dev.rapport.config.Durations.format(config.cadence().followUpAfter())
            + " after a message without an answer, thank-you drafts after interviews, keep-in-touch drafts "
            + dev.rapport.config.Durations.format(config.cadence().keepInTouchMin())
            + " to "
            + dev.rapport.config.Durations.format(config.cadence().keepInTouchMax())
            + " after the last exchange; "
            + (config.digest().enabled()
                ? "a digest to "
                    + config.me().email()
                    + " at "
                    + config.digest().at()
                    + " when something needs you."
                : "no morning digest (digest.enabled: false)."));
    lines.add("In another terminal: " + command + " contacts list");
    lines.add("Stop with Ctrl-C.");
    return lines;
  }

  /**
   * Where to open the dashboard, or why it is off. The address holds the token that lets a browser
   * in: the one place it is printed (never logged).
   */
  static String dashboardLine(Dashboard d) {
    return d.running()
        ? "Dashboard: open "
            + d.loginUrl()
            + " to review drafts and follow your contacts (this address is your key to it: keep it"
            + " to yourself; 'rapport dashboard' prints it again)."
        : "Dashboard: not started: " + d.unavailable().orElse("it did not start") + ".";
  }

  /**
   * Under systemd (its journal) or launchd (a log file) the banner lands in a log that is kept: the
   * address without its token, which 'rapport dashboard' prints from dashboard.secret (0600).
   */
  static String serviceDashboardLine(Dashboard d) {
    return d.running()
        ? "Dashboard: on http://127.0.0.1:"
            + d.port()
            + "/; 'rapport dashboard' prints the address that opens it (with its key, which is kept"
            + " out of this log)."
        : dashboardLine(d);
  }

  /**
   * Started by a service manager: the service sets RAPPORT_SERVICE; systemd sets JOURNAL_STREAM.
   */
  static boolean underService(java.util.Map<String, String> env) {
    return env.get(ServiceCommand.SERVICE_ENV) != null || env.get("JOURNAL_STREAM") != null;
  }

  /**
   * How the user started rapport, with the same global options, for the "another terminal" hint.
   */
  static String command(RapportCommand root) {
    String launcher = System.getProperty("rapport.launcher"); // set by bin/rapport
    StringBuilder c = new StringBuilder(launcher != null ? quoted(launcher) : "java -jar " + jar());
    if (root.configPath != null) c.append(" --config ").append(quoted(root.configPath.toString()));
    if (root.dataDir != null) c.append(" --data ").append(quoted(root.dataDir.toString()));
    return c.toString();
  }

  private static String jar() {
    try {
      Path location =
          Path.of(Banner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!location.toString().endsWith(".jar")) return "target/rapport.jar";
      Path cwd = Path.of("").toAbsolutePath();
      return quoted(
          location.startsWith(cwd) ? cwd.relativize(location).toString() : location.toString());
    } catch (Exception e) {
      return "target/rapport.jar";
    }
  }

  private static String quoted(String s) {
    return s.matches("[A-Za-z0-9_./=:@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
