package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

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
  void everySubcommandOfAGroupIsBuiltAloneUnderItsGroupWithTheSameModel() {
    CommandLine whole = new CommandLine(root());
    int built = 0;
    for (Map.Entry<String, CommandLine> top : whole.getSubcommands().entrySet()) {
      CommandSpec group = top.getValue().getCommandSpec();
      for (Map.Entry<String, CommandLine> sub : top.getValue().getSubcommands().entrySet()) {
        String[] args = {"-v", top.getKey(), "-v", sub.getKey(), "--help"};
        CommandLine leanGroup = LeanCommandLine.of(root(), args).getSubcommands().get(top.getKey());
        if (LeanCommandLine.subcommandNeeded(group.userObject().getClass(), args).isEmpty()) {
          assertThat(leanGroup.getSubcommands()).hasSameSizeAs(top.getValue().getSubcommands());
          continue;
        }
        built++;
        assertThat(leanGroup.getSubcommands()).containsOnlyKeys(sub.getKey());
        CommandSpec lean = leanGroup.getCommandSpec();
        assertThat(lean.qualifiedName()).isEqualTo(group.qualifiedName());
        assertThat(lean.aliases()).isEqualTo(group.aliases());
        assertThat(lean.mixinStandardHelpOptions()).isEqualTo(group.mixinStandardHelpOptions());
        assertThat(lean.usageMessage().description()).isEqualTo(group.usageMessage().description());
        assertThat(names(lean.options())).isEqualTo(names(group.options()));
        assertThat(lean.positionalParameters()).isEmpty();
        assertThat(group.positionalParameters()).isEmpty();
        assertThat(usages(leanGroup.getSubcommands().get(sub.getKey())))
            .as(top.getKey() + " " + sub.getKey())
            .isEqualTo(usages(sub.getValue()));
      }
    }
    assertThat(built).isGreaterThan(40);
  }

  @Test
  void aGroupsHelpOrAnUnknownSubcommandGetsTheWholeGroup() {
    for (String[] args :
        List.of(
            new String[] {"contacts"},
            new String[] {"contacts", "--help"},
            new String[] {"contacts", "lst"},
            new String[] {"contacts", "-h", "list"},
            new String[] {"drafts", "@args.txt"})) {
      assertThat(LeanCommandLine.of(root(), args).getSubcommands().get(args[0]).getSubcommands())
          .as(String.join(" ", args))
          .hasSameSizeAs(new CommandLine(root()).getSubcommands().get(args[0]).getSubcommands());
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
    assertThat(LeanCommandLine.of(root(), args).getSubcommands().get("drafts").getSubcommands())
        .containsOnlyKeys("list");
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

  private static List<String> names(List<OptionSpec> options) {
    return options.stream().map(o -> String.join(",", o.names())).toList();
  }

  /** The usage text of a command and of every command under it. */
  private static List<String> usages(CommandLine command) {
    List<String> all = new ArrayList<>();
    all.add(command.getCommandSpec().qualifiedName() + "\n" + command.getUsageMessage());
    for (CommandLine sub : command.getSubcommands().values()) all.addAll(usages(sub));
    return all;
  }
}
