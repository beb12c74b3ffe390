package dev.rapport.cli;

import dev.rapport.question.Question;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code questions}: the one short set of questions asked in every interview. */
@Command(
    name = "questions",
    mixinStandardHelpOptions = true,
    description =
        "The question set asked in every interview (at most 10): list, add, remove, move.",
    subcommands = {
      QuestionsCommand.ListAll.class,
      QuestionsCommand.Add.class,
      QuestionsCommand.Remove.class,
      QuestionsCommand.Move.class
    })
final class QuestionsCommand {

  record QuestionJson(int number, long id, String text) {}

  static void print(AppCommand cmd, List<Question> set) {
    if (set.isEmpty()) {
      cmd.out().println("The question set is empty. Add one with 'questions add TEXT'.");
      return;
    }
    for (Question q : set) cmd.out().printf("%2d. %s%n", q.number(), q.text());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the set in order.")
  static final class ListAll extends AppCommand {
    @Option(names = "--json", description = "Print JSON: number, id and text of each question.")
    boolean json;

    @Override
    public Integer call() {
      List<Question> set = app().questions().list();
      if (json) {
        printJson(set.stream().map(q -> new QuestionJson(q.number(), q.id(), q.text())).toList());
      } else {
        print(this, set);
      }
      return 0;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a question at the end of the set; prints its number.")
  static final class Add extends AppCommand {
    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The question.")
    List<String> words;

    @Override
    public Integer call() {
      Question q = app().questions().add(String.join(" ", words));
      out().printf("Question %d added (id %d).%n", q.number(), q.id());
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Take question N out of the set; answers already given to it are kept.")
  static final class Remove extends AppCommand {
    @Parameters(
        paramLabel = "N",
        description = "The question's number, as 'questions list' shows it.")
    int number;

    @Override
    public Integer call() {
      Question q = app().questions().remove(number);
      out().printf("Removed question %d: %s%n", number, q.text());
      return 0;
    }
  }

  @Command(
      name = "move",
      mixinStandardHelpOptions = true,
      description = "Move question N to place M; answers stay with their question.")
  static final class Move extends AppCommand {
    @Parameters(index = "0", paramLabel = "N", description = "The question's number now.")
    int from;

    @Parameters(index = "1", paramLabel = "M", description = "Its new place.")
    int to;

    @Override
    public Integer call() {
      print(this, app().questions().move(from, to));
      return 0;
    }
  }
}
