package dev.rapport.cli;

import dev.rapport.App;
import dev.rapport.daemon.Daemon;
import dev.rapport.daemon.SandboxMail;
import dev.rapport.logging.LogConfigurator;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: the daemon, in the foreground, until SIGTERM or Ctrl-C. A shutdown hook stops its
 * parts in reverse order (db.server withdrawn first) and ends the process with status 0.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the daemon in the foreground; stop it with Ctrl-C or SIGTERM.",
      "It holds the database and shares it with rapport commands on 127.0.0.1; with no mail account configured it also runs the sandbox mail server. It sends approved drafts within seconds (within the sending window for a real account), and its scheduler drafts follow-ups, thank-yous and keep-in-touch notes for your review and mails you a morning digest (docs/SCHEDULER.md). It logs to rapport.log in the data folder."
    })
final class RunCommand extends AppCommand {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Option(
      names = "--sandbox-smtp-port",
      paramLabel = "PORT",
      description = "Sandbox SMTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int smtpPort = SandboxMail.DEFAULT_SMTP_PORT;

  @Option(
      names = "--sandbox-imap-port",
      paramLabel = "PORT",
      description = "Sandbox IMAP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int imapPort = SandboxMail.DEFAULT_IMAP_PORT;

  @Override
  public Integer call() throws InterruptedException {
    App app = app();
    app.data().create();
    LogConfigurator.toFile(app.data().logFile());
    SandboxMail.Ports ports;
    try {
      ports = new SandboxMail.Ports(smtpPort, imapPort);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage() + ".");
    }
    Daemon daemon = app.daemon(ports);
    Thread hook = new Thread(() -> stopOnSignal(daemon), "rapport-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      daemon.start();
    } catch (RuntimeException e) {
      removeQuietly(hook);
      throw e;
    }
    log.info("the daemon runs (process {})", ProcessHandle.current().pid());
    dev.rapport.daemon.RestingHeap.settle(); // light at rest: docs/BENCH.md
    Banner.print(out(), app, daemon, root());
    daemon.awaitStop();
    return 0;
  }

  /** SIGTERM or Ctrl-C: stop in order, then end with status 0 instead of the JVM's 143 or 130. */
  private void stopOnSignal(Daemon daemon) {
    log.info("stopping on a signal");
    daemon.stop();
    log.info("the daemon stopped");
    PrintWriter out = out();
    out.println("rapport stopped.");
    out.flush();
    err().flush();
    LogConfigurator.stop();
    Runtime.getRuntime().halt(0);
  }

  private static void removeQuietly(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is already running and will end the process
    }
  }
}
