package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line built for one command knows that command exactly as the whole tree does, so
 * modelling only the command being run loses nothing.
 */
class LeanCommandLineTest {
  private static RapportCommand root() {
    return new RapportCommand(Clock.systemUTC(), Map.of(), Path.of("none.yaml"));
  }

  @Test
  void everyTopLevelCommandOfTheWholeTreeIsBuiltAloneWithTheSameModel() {
    CommandLine whole = new CommandLine(root());
    assertThat(whole.getSubcommands()).hasSizeGreaterThan(20);
    for (Map.Entry<String, CommandLine> top : whole.getSubcommands().entrySet()) {
      CommandLine lean = LeanCommandLine.of(root(), new String[] {"-v", top.getKey(), "--help"});
      assertThat(lean.getSubcommands()).containsOnlyKeys(top.getKey());
      assertThat(usages(lean.getSubcommands().get(top.getKey())))
          .as(top.getKey())
          .isEqualTo(usages(top.getValue()));
    }
  }

  @Test
  void theCommandIsFoundAfterTheRootsOptions() {
    assertThat(LeanCommandLine.commandsNeeded(new String[] {"--data", "d", "contacts", "list"}))
        .contains(List.of(ContactsCommand.class));
    assertThat(
            LeanCommandLine.commandsNeeded(
                new String[] {"--config=c.yaml", "--verbose", "next", "--json"}))
        .contains(List.of(NextCommand.class));
    assertThat(LeanCommandLine.commandsNeeded(new String[] {"--version"})).contains(List.of());
    String[] args = {"-v", "drafts", "list", "-v"};
    List<CommandLine> parsed = LeanCommandLine.of(root(), args).parseArgs(args).asCommandLineList();
    Object leaf = parsed.get(parsed.size() - 1).getCommand();
    assertThat(leaf).isInstanceOf(DraftsListCommand.class);
  }

  @Test
  void helpUnknownNamesAndMistakesBeforeTheCommandGetTheWholeTree() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"--help"},
            new String[] {"-h", "contacts"},
            new String[] {"contactz", "list"},
            new String[] {"--data"},
            new String[] {"--data", "drafts", "contacts", "list"},
            new String[] {"--bogus", "contacts", "list"},
            new String[] {"@args.txt"},
            new String[] {"--version", "--help"})) {
      assertThat(LeanCommandLine.commandsNeeded(args)).as(String.join(" ", args)).isEmpty();
      assertThat(LeanCommandLine.of(root(), args).getSubcommands())
          .hasSameSizeAs(new CommandLine(root()).getSubcommands());
    }
  }

  /** The usage text of a command and of every command under it. */
  private static List<String> usages(CommandLine command) {
    List<String> all = new ArrayList<>();
    all.add(command.getCommandSpec().qualifiedName() + "\n" + command.getUsageMessage());
    for (CommandLine sub : command.getSubcommands().values()) all.addAll(usages(sub));
    return all;
  }
}
