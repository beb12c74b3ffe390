package dev.rapport.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line for one run. picocli models every command by reflection when it starts: the
 * model of all eighty commands took a quarter of a second of every start (docs/STARTUP.md). So a
 * command line that names a top-level command gets a root with that command only, and a group
 * ({@code contacts}) with only the subcommand named after it; {@code --version} alone gets a root
 * without commands. Everything else (help, no command, an unknown name, an option rapport does not
 * know before the command) gets the whole tree, so that every message, suggestion and usage text
 * stays exactly what the whole tree says.
 */
final class LeanCommandLine {
  /** The root's options that take a value (as the next word, or after '='). */
  private static final Set<String> VALUED = Set.of("--config", "--data");

  private static final Set<String> VERSION = Set.of("-V", "--version");
  private static final Set<String> VERBOSE = Set.of("-v", "--verbose");

  private LeanCommandLine() {}

  /** The command line for {@code args}, with as few commands modelled as gives the same result. */
  static CommandLine of(RapportCommand root, String[] args) {
    Optional<List<Class<?>>> needed = commandsNeeded(args);
    if (needed.isPresent()) {
      CommandSpec only = CommandSpec.create();
      for (Class<?> command : needed.get()) {
        Optional<Class<?>> sub = subcommandNeeded(command, args);
        only.addSubcommand(
            name(command),
            sub.isPresent() ? groupWithOnly(command, sub.get()) : new CommandLine(command));
      }
      root.commands = only;
    }
    return new CommandLine(root);
  }

  /**
   * The one subcommand of {@code group} that {@code args} runs: the word after the group's name
   * (past {@code -v}), when the group is a plain one ({@link #plainGroup}) and the word names one
   * of its subcommands. Empty for anything else (help, an option, an unknown name): the whole
   * group.
   */
  static Optional<Class<?>> subcommandNeeded(Class<?> group, String[] args) {
    Class<?>[] subcommands = group.getAnnotation(Command.class).subcommands();
    if (subcommands.length == 0 || !plainGroup(group)) return Optional.empty();
    int i = indexOfCommand(args) + 1;
    while (i < args.length && VERBOSE.contains(args[i])) i++;
    if (i >= args.length) return Optional.empty();
    for (Class<?> sub : subcommands) {
      Command c = sub.getAnnotation(Command.class);
      if (c.name().equals(args[i]) || List.of(c.aliases()).contains(args[i]))
        return Optional.of(sub);
    }
    return Optional.empty();
  }

  /**
   * The group as picocli models it from its annotation, with only {@code sub} under it: the
   * annotation is read here because picocli would model every subcommand it lists. Only for plain
   * groups, whose model is their name, aliases, help options and description.
   */
  private static CommandLine groupWithOnly(Class<?> group, Class<?> sub) {
    Command c = group.getAnnotation(Command.class);
    CommandSpec spec =
        CommandSpec.create()
            .name(c.name())
            .aliases(c.aliases())
            .mixinStandardHelpOptions(c.mixinStandardHelpOptions());
    spec.usageMessage().description(c.description());
    spec.addSubcommand(name(sub), new CommandLine(sub));
    return new CommandLine(spec);
  }

  /**
   * A group without options, parameters or anything else of its own for picocli to model (no
   * annotated field or method; LeanCommandLineTest checks the rest of its annotation).
   */
  static boolean plainGroup(Class<?> group) {
    for (var f : group.getDeclaredFields()) if (f.getAnnotations().length > 0) return false;
    for (var m : group.getDeclaredMethods()) if (m.getAnnotations().length > 0) return false;
    return true;
  }

  /** Where the top-level command is in {@code args} (after the root's options). */
  private static int indexOfCommand(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (VALUED.contains(args[i])) i++;
      else if (!args[i].startsWith("-")) return i;
    }
    return args.length;
  }

  /**
   * The top-level commands {@code args} can reach: the one it names, none for {@code --version}
   * alone, or empty when only the whole tree answers as before.
   */
  static Optional<List<Class<?>>> commandsNeeded(String[] args) {
    Map<String, Class<?>> byName = topLevel();
    boolean version = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (VALUED.contains(arg)) {
        // picocli refuses a command's name as an option's value, with a message naming it
        if (i + 1 == args.length || byName.containsKey(args[i + 1])) return Optional.empty();
        i++;
      } else if (VERSION.contains(arg)) {
        version = true;
      } else if (VERBOSE.contains(arg) || VALUED.contains(arg.split("=", 2)[0])) {
        continue;
      } else if (arg.startsWith("-") || arg.startsWith("@")) {
        return Optional.empty(); // help, an unknown option, an argument file: the whole tree
      } else {
        Class<?> command = byName.get(arg);
        return command == null ? Optional.empty() : Optional.of(List.of(command));
      }
    }
    return version ? Optional.of(List.of()) : Optional.empty();
  }

  /** Every top-level command by its name and aliases, from {@link CommandList}. */
  static Map<String, Class<?>> topLevel() {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (Class<?> command : CommandList.class.getAnnotation(Command.class).subcommands()) {
      byName.put(name(command), command);
      for (String alias : command.getAnnotation(Command.class).aliases())
        byName.put(alias, command);
    }
    return byName;
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }
}
