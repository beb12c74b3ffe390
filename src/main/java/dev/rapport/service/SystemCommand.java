package dev.rapport.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a service manager's command (systemctl, launchctl); a test puts a recorder in its place. */
public interface SystemCommand {
  /** What it printed, stdout and stderr together, and its exit code (-1: could not run it). */
  record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  Result run(List<String> command);

  /** The real thing, with a deadline: a command that hangs is stopped after {@code timeout}. */
  static SystemCommand real(Duration timeout) {
    return command -> {
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          return new Result(-1, "no answer within " + timeout.toSeconds() + " seconds");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.exitValue(), out.strip());
      } catch (IOException e) {
        return new Result(-1, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(-1, "interrupted");
      }
    };
  }
}
