package dev.rapport.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the shell completion scripts at package time (pom.xml): {@code rapport.bash} from
 * picocli's generator, and {@code _rapport} for zsh, the same script, which loads zsh's
 * bashcompinit itself when sourced from zsh.
 */
public final class CompletionScript {
  private CompletionScript() {}

  /** The bash completion of every command and option, for the command name {@code rapport}. */
  public static String bash() {
    RapportCommand root =
        new RapportCommand(
            Clock.systemUTC(), Map.of(), java.nio.file.Path.of("config", "rapport.yaml"));
    return AutoComplete.bash("rapport", new CommandLine(root));
  }

  /** For zsh: picocli's script under a line saying how to use it. */
  public static String zsh() {
    return "# zsh completion for rapport: add 'source /path/to/this/_rapport' to ~/.zshrc.\n"
        + "# It is picocli's bash script, which turns on zsh's bashcompinit when zsh sources it.\n"
        + bash();
  }

  /** Usage: {@code CompletionScript DIR}; writes DIR/rapport.bash and DIR/_rapport. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) throw new IllegalArgumentException("usage: CompletionScript DIR");
    Path dir = Files.createDirectories(Path.of(args[0]));
    Files.writeString(dir.resolve("rapport.bash"), bash(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("_rapport"), zsh(), StandardCharsets.UTF_8);
  }
}
