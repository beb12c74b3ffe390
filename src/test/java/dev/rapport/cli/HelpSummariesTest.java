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
 * A command list in {@code --help} shows each subcommand's first description line only, so that
 * line must be a whole sentence: "Suggest whom to write to now: …, fresh referrals first, then the"
 * is what users saw before.
 */
class HelpSummariesTest {
  @Test
  void everySubcommandSummaryIsAWholeSentence() {
    List<String> cut = new ArrayList<>();
    walk(new CommandLine(new RapportCommand(Clock.systemUTC(), Map.of(), Path.of("."))), cut);
    assertThat(cut).isEmpty();
  }

  private static void walk(CommandLine cl, List<String> cut) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
      String[] shown = usage.header().length > 0 ? usage.header() : usage.description();
      String first = shown.length == 0 ? "" : shown[0].strip();
      if (!first.matches("(?s).*[.?!)]$"))
        cut.add(sub.getCommandSpec().qualifiedName() + ": " + first);
      walk(sub, cut);
    }
  }
}
