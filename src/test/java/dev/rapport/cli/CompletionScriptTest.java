package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion scripts the package phase writes into the release archive. */
class CompletionScriptTest {
  @TempDir Path dir;

  @Test
  void bashCompletionKnowsEveryCommandAndItsOptions() {
    String bash = CompletionScript.bash();
    assertThat(bash)
        .contains("complete -F _complete_rapport")
        .contains("service")
        .contains("install")
        .contains("uninstall")
        .contains("--sandbox-smtp-port")
        .contains("contacts");
  }

  @Test
  void theZshFileIsTheSameScriptWhichLoadsBashcompinitItself() throws Exception {
    CompletionScript.main(new String[] {dir.toString()});
    String zsh = Files.readString(dir.resolve("_rapport"));
    assertThat(zsh).startsWith("# zsh completion for rapport").contains("bashcompinit");
    assertThat(zsh).endsWith(Files.readString(dir.resolve("rapport.bash")));
  }
}
