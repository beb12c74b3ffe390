package dev.rapport.question;

import dev.rapport.InvalidInputException;
import dev.rapport.NotFoundException;
import dev.rapport.store.Database;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The active question set: at most {@value #MAX} questions asked of everyone, so that answers can
 * be compared. A question keeps its id when the set is reordered; removing one retires it, and the
 * answers already given to it stay attached.
 */
public final class QuestionService {
  public static final int MAX = 10;
  static final int MAX_LENGTH = 500;

  private final Database db;
  private final Clock clock;
  private final QuestionStore store = new QuestionStore();

  public QuestionService(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public List<Question> list() {
    return db.read(store::active);
  }

  /** The active set inside the caller's transaction. */
  public List<Question> list(Connection c) {
    return store.active(c);
  }

  public Question add(String text) {
    String clean = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (clean.isEmpty()) throw new InvalidInputException("A question needs some text.");
    if (clean.length() > MAX_LENGTH) {
      throw new InvalidInputException("A question is at most " + MAX_LENGTH + " characters.");
    }
    return db.transaction(
        c -> {
          List<Question> set = store.active(c);
          if (set.size() >= MAX) {
            throw new InvalidInputException(
                "The question set already has "
                    + MAX
                    + " questions, the most it holds: the same short set asked of everyone keeps"
                    + " answers comparable. Remove one first ('questions remove N').");
          }
          long id = store.insert(c, clean, set.size() + 1, clock.instant());
          return new Question(id, set.size() + 1, clean);
        });
  }

  /** Retires question {@code number}; the ones after it move up. Returns the retired question. */
  public Question remove(int number) {
    return db.transaction(
        c -> {
          List<Question> set = new ArrayList<>(store.active(c));
          Question q = require(set, number);
          store.retire(c, q.id(), clock.instant());
          set.remove(q);
          store.renumber(c, set);
          return q;
        });
  }

  /** Moves question {@code from} to place {@code to}; the others keep their order. */
  public List<Question> move(int from, int to) {
    return db.transaction(
        c -> {
          List<Question> set = new ArrayList<>(store.active(c));
          Question q = require(set, from);
          if (to < 1 || to > set.size()) {
            throw new InvalidInputException(
                "There is no place "
                    + to
                    + " in the set; it has questions 1 to "
                    + set.size()
                    + ".");
          }
          set.remove(q);
          set.add(to - 1, q);
          store.renumber(c, set);
          return store.active(c);
        });
  }

  /** The text of any question, active or retired; null when there is none with this id. */
  public String text(Connection c, long id) {
    return store.text(c, id);
  }

  private static Question require(List<Question> set, int number) {
    if (number < 1 || number > set.size()) {
      throw new NotFoundException(
          set.isEmpty()
              ? "There is no question " + number + "; the set is empty."
              : "There is no question "
                  + number
                  + "; the set has questions 1 to "
                  + set.size()
                  + " ('questions list').");
    }
    return set.get(number - 1);
  }
}
