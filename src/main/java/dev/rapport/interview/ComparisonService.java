package dev.rapport.interview;

import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.hypothesis.HypothesisService;
import dev.rapport.question.Question;
import dev.rapport.question.QuestionService;
import dev.rapport.store.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds {@link Comparison}s: the interviews that are done or have answers, optionally only those
 * with contacts linked to one hypothesis. Several answers to one question in one interview (notes
 * added later) are joined in the order recorded.
 */
public final class ComparisonService {
  private final Database db;
  private final ContactService contacts;
  private final QuestionService questions;
  private final HypothesisService hypotheses;
  private final InterviewStore interviews = new InterviewStore();
  private final NotesStore notes = new NotesStore();

  public ComparisonService(
      Database db,
      ContactService contacts,
      QuestionService questions,
      HypothesisService hypotheses) {
    this.db = db;
    this.contacts = contacts;
    this.questions = questions;
    this.hypotheses = hypotheses;
  }

  public Comparison compare(Long hypothesisId) {
    if (hypothesisId != null) hypotheses.get(hypothesisId); // refuses an unknown id
    return db.read(
        c -> {
          List<Question> set = questions.list(c);
          // interview id -> question id -> joined answer
          Map<Long, Map<Long, String>> answers = new HashMap<>();
          for (NotesStore.StoredAnswer a : notes.answers(c)) {
            answers
                .computeIfAbsent(a.interviewId(), k -> new HashMap<>())
                .merge(a.questionId(), a.text(), (x, y) -> x + "\n\n" + y);
          }
          List<Interview> held =
              interviews.held(c, hypothesisId).stream()
                  .filter(i -> i.status() == Interview.Status.DONE || answers.containsKey(i.id()))
                  .toList();
          Set<Long> ids = held.stream().map(Interview::contactId).collect(Collectors.toSet());
          Map<Long, Contact> people = new LinkedHashMap<>();
          for (long id : ids) people.put(id, contacts.require(c, id));
          List<Comparison.Row> rows = new ArrayList<>();
          for (Question q : set) {
            List<Comparison.Cell> cells = new ArrayList<>();
            for (Interview i : held) {
              String a = answers.getOrDefault(i.id(), Map.of()).get(q.id());
              cells.add(new Comparison.Cell(i, people.get(i.contactId()), a));
            }
            rows.add(new Comparison.Row(q, cells));
          }
          return new Comparison(rows);
        });
  }
}
