package dev.rapport.cli;

import dev.rapport.interview.Comparison;
import java.time.OffsetDateTime;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code interviews compare}: for each question, everyone's answer side by side. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "For each question of the set, every interview's answer side by side.")
final class InterviewsCompareCommand extends AppCommand {
  @Option(
      names = "--hypothesis",
      paramLabel = "ID",
      description = "Only interviews with contacts linked to this hypothesis.")
  Long hypothesis;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  record AnswerJson(
      long interviewId, long contactId, String contact, OffsetDateTime date, String answer) {}

  record QuestionJson(int number, long id, String text, List<AnswerJson> answers) {}

  record CompareJson(Long hypothesisId, List<QuestionJson> questions) {}

  @Override
  public Integer call() {
    Comparison cmp = app().comparisons().compare(hypothesis);
    if (json) {
      printJson(
          new CompareJson(
              hypothesis,
              cmp.questions().stream()
                  .map(
                      r ->
                          new QuestionJson(
                              r.question().number(),
                              r.question().id(),
                              r.question().text(),
                              r.answers().stream()
                                  .map(
                                      a ->
                                          new AnswerJson(
                                              a.interview().id(),
                                              a.contact().id(),
                                              a.contact().name(),
                                              local(a.interview().startsAt()),
                                              a.answer()))
                                  .toList()))
                  .toList()));
      return 0;
    }
    if (cmp.questions().isEmpty() || cmp.questions().get(0).answers().isEmpty()) {
      out()
          .println(
              "No interviews to compare yet: answers appear here once interviews are done or have"
                  + " notes ('interviews notes CONTACT').");
      return 0;
    }
    int width = terminalWidth();
    for (Comparison.Row r : cmp.questions()) {
      out().printf("%d. %s%n", r.question().number(), r.question().text());
      WrappedTable t = new WrappedTable(width, "   ", "CONTACT", "DATE", "ANSWER");
      for (Comparison.Cell a : r.answers()) {
        t.row(
            a.contact().name(),
            shown(a.interview().startsAt()).substring(0, 10),
            a.answer() == null ? "—" : a.answer());
      }
      t.print(out());
      out().println();
    }
    return 0;
  }

  /** $COLUMNS when the shell exports it, else 100. */
  private int terminalWidth() {
    String columns = app().env().get("COLUMNS");
    try {
      return columns == null ? 100 : Math.max(40, Integer.parseInt(columns.strip()));
    } catch (NumberFormatException e) {
      return 100;
    }
  }
}
