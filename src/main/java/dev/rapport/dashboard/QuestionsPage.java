package dev.rapport.dashboard;

import dev.rapport.InvalidInputException;
import dev.rapport.question.Question;
import dev.rapport.question.QuestionService;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The one question set asked of everyone (at most {@link QuestionService#MAX}): add, move up or
 * down, retire; as {@code questions add|move|remove}. Ids stay, so answers stay with their
 * question.
 */
final class QuestionsPage {
  private final Handlers h;

  QuestionsPage(Handlers h) {
    this.h = h;
  }

  void show(Context ctx) {
    List<Question> set = h.app.questions().list();
    Map<String, Object> m = Dashboard.model();
    m.put("questions", set);
    m.put("max", QuestionService.MAX);
    h.render(ctx, "questions.ftlh", "Questions", "questions", m);
  }

  void add(Context ctx) {
    Question q = h.app.questions().add(ctx.formParam("text"));
    h.done(ctx, Sessions.Flash.ok("Added question " + q.number() + "."), "/questions");
  }

  void move(Context ctx) {
    int from = number(ctx.pathParam("number"));
    int to = number(ctx.formParam("to"));
    h.app.questions().move(from, to);
    h.done(
        ctx, Sessions.Flash.ok("Moved question " + from + " to place " + to + "."), "/questions");
  }

  void remove(Context ctx) {
    Question q = h.app.questions().remove(number(ctx.pathParam("number")));
    h.done(
        ctx,
        Sessions.Flash.ok(
            "Retired \"" + q.text() + "\"; its answers stay in the interviews that have them."),
        "/questions");
  }

  private static int number(String s) {
    try {
      return Integer.parseInt(s == null ? "" : s.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("\"" + s + "\" is not a question number.");
    }
  }
}
