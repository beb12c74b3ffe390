package dev.rapport.interview;

import dev.rapport.contact.Contact;
import dev.rapport.question.Question;
import java.util.List;

/**
 * Answers side by side: for each question of the active set, every interview held and what was
 * answered in it (null when nothing was).
 */
public record Comparison(List<Row> questions) {
  public record Row(Question question, List<Cell> answers) {}

  public record Cell(Interview interview, Contact contact, String answer) {}
}
