package dev.rapport.cli;

import dev.rapport.RapportException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The user's editor: {@code $EDITOR}, else {@code $VISUAL}, else {@code vi}. The variable is split
 * on whitespace, so {@code "code --wait"} works; the file is the last argument. It runs on this
 * terminal and rapport waits for it to exit.
 */
final class ExternalEditor {
  private final Map<String, String> env;

  ExternalEditor(Map<String, String> env) {
    this.env = env;
  }

  List<String> command() {
    for (String name : new String[] {"EDITOR", "VISUAL"}) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) return Arrays.asList(value.strip().split("\\s+"));
    }
    return List.of("vi");
  }

  /** Opens {@code file} and waits; throws when the editor cannot start or exits with a failure. */
  void edit(Path file) {
    List<String> command = new ArrayList<>(command());
    command.add(file.toString());
    int status;
    try {
      Process p = new ProcessBuilder(command).inheritIO().start();
      status = p.waitFor();
    } catch (IOException e) {
      throw new RapportException(
          "The editor \""
              + String.join(" ", command())
              + "\" could not be started ("
              + e.getMessage()
              + "); set EDITOR to the editor you use.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RapportException("Interrupted while waiting for the editor.", e);
    }
    if (status != 0) {
      throw new RapportException(
          "The editor \"" + String.join(" ", command()) + "\" exited with status " + status + ".");
    }
  }
}
