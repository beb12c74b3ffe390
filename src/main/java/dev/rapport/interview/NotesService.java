package dev.rapport.interview;

import dev.rapport.InvalidInputException;
import dev.rapport.NotFoundException;
import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.ContactStore;
import dev.rapport.contact.EmailAddresses;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.contact.NewContact;
import dev.rapport.question.Question;
import dev.rapport.question.QuestionService;
import dev.rapport.store.Database;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records what an interview taught, in one transaction: answers and notes are added beside earlier
 * ones, the reflection's texts are added to, its energy and verdict replaced, and each referral
 * becomes a contact referred by the interviewee (or, when the address is already a contact, is
 * linked to it).
 */
public final class NotesService {
  private final Database db;
  private final ContactService contacts;
  private final QuestionService questions;
  private final Clock clock;
  private final InterviewStore interviews = new InterviewStore();
  private final NotesStore store = new NotesStore();
  private final ContactStore contactStore = new ContactStore();

  public NotesService(
      Database db, ContactService contacts, QuestionService questions, Clock clock) {
    this.db = db;
    this.contacts = contacts;
    this.questions = questions;
    this.clock = clock;
  }

  /** A referral as it was recorded: the contact it is, and whether it was made for it. */
  public record ReferralOutcome(long contactId, String name, boolean created) {}

  /** What one round of notes recorded. */
  public record Recorded(Interview interview, int answers, List<ReferralOutcome> referrals) {}

  /** The interview notes go to, and the question set they are taken against. */
  public record Target(Contact contact, Interview interview, List<Question> questions) {}

  /** An answer as shown: its question's text and today's number (null once retired). */
  public record ShownAnswer(long questionId, Integer number, String question, String text) {}

  /** A referral as shown, with the contact it is. */
  public record ShownReferral(
      long contactId, String name, String email, String context, boolean introductionOffered) {}

  /** Everything recorded about the contact's latest interview. */
  public record Details(
      Contact contact,
      Interview interview,
      List<ShownAnswer> answers,
      List<String> notes,
      List<ShownReferral> referrals) {}

  /** The contact's latest interview that was not cancelled, with all its notes. */
  public Details details(long contactId) {
    return db.read(
        c -> {
          Target t = target(c, contactId);
          long id = t.interview().id();
          java.util.Map<Long, Integer> numbers = new java.util.HashMap<>();
          for (Question q : t.questions()) numbers.put(q.id(), q.number());
          List<ShownAnswer> answers =
              store.answers(c, id).stream()
                  .map(
                      a ->
                          new ShownAnswer(
                              a.questionId(),
                              numbers.get(a.questionId()),
                              questions.text(c, a.questionId()),
                              a.text()))
                  .sorted(
                      java.util.Comparator.comparing(
                          (ShownAnswer a) -> a.number() == null ? Integer.MAX_VALUE : a.number()))
                  .toList();
          List<String> notes =
              store.notes(c, id).stream().map(NotesStore.StoredNote::text).toList();
          List<ShownReferral> referrals =
              store.referrals(c, id).stream()
                  .map(
                      r -> {
                        Contact k = contacts.require(c, r.contactId());
                        return new ShownReferral(
                            k.id(), k.name(), k.email(), r.context(), r.introductionOffered());
                      })
                  .toList();
          return new Details(t.contact(), t.interview(), answers, notes, referrals);
        });
  }

  /** Where notes for the contact would go; refuses when the contact has no interview. */
  public Target target(long contactId) {
    return db.read(c -> target(c, contactId));
  }

  /**
   * Records notes built against the current question set (the set is read in the same transaction,
   * so numbers mean what the user saw). Nothing is saved if anything is refused.
   */
  public Recorded record(long contactId, Function<List<Question>, Notes> build) {
    return db.transaction(
        c -> {
          Target t = target(c, contactId);
          Notes notes = build.apply(t.questions());
          if (notes.isEmpty()) {
            throw new InvalidInputException("There was nothing to record; nothing was saved.");
          }
          return save(c, t, notes);
        });
  }

  private Target target(Connection c, long contactId) {
    Contact contact = contacts.require(c, contactId);
    Interview i =
        interviews
            .latestHeld(c, contactId)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        InterviewService.who(contact)
                            + " has no interview to take notes on; book one with 'interviews"
                            + " schedule "
                            + contactId
                            + " --at ...' or record one held now with 'interviews done "
                            + contactId
                            + "'."));
    return new Target(contact, i, questions.list(c));
  }

  private Recorded save(Connection c, Target t, Notes n) {
    Instant now = clock.instant();
    Interview i = t.interview();
    Link link = InterviewService.link(i.id());
    for (Notes.Answer a : n.answers()) store.answer(c, i.id(), a.questionId(), a.text(), now);
    if (n.notes() != null) store.note(c, i.id(), n.notes(), now);
    Reflection before = i.reflection();
    Reflection r = n.reflection();
    Reflection merged =
        new Reflection(
            added(before.resonated(), r.resonated()),
            added(before.clashed(), r.clashed()),
            r.energy() != null ? r.energy() : before.energy(),
            r.continuePath() != null ? r.continuePath() : before.continuePath());
    String highlight = n.highlight() != null ? n.highlight() : i.highlight();
    interviews.saveReflection(c, i.id(), highlight, merged, now);

    List<ReferralOutcome> outcomes = new ArrayList<>();
    for (Notes.Referral ref : n.referrals()) outcomes.add(refer(c, t, ref, now));

    List<String> parts = new ArrayList<>();
    if (!n.answers().isEmpty()) parts.add(n.answers().size() + " answer(s)");
    if (n.notes() != null) parts.add("notes");
    if (n.highlight() != null) parts.add("highlight: " + n.highlight());
    if (!r.isEmpty()) {
      parts.add(
          "reflection"
              + (r.energy() == null ? "" : ", energy " + r.energy())
              + (r.continuePath() == null ? "" : r.continuePath() ? ", continue" : ", stop"));
    }
    if (!outcomes.isEmpty()) parts.add(outcomes.size() + " referral(s)");
    contacts.record(
        c,
        t.contact().id(),
        EventType.INTERVIEW_NOTES,
        "Notes on interview " + i.id() + ": " + String.join("; ", parts),
        link);
    return new Recorded(interviews.find(c, i.id()).orElseThrow(), n.answers().size(), outcomes);
  }

  private ReferralOutcome refer(Connection c, Target t, Notes.Referral ref, Instant now) {
    Contact from = t.contact();
    Interview i = t.interview();
    if (from.email() != null
        && EmailAddresses.key(ref.email()).equals(EmailAddresses.key(from.email()))) {
      throw new InvalidInputException(
          "The referral "
              + ref.name()
              + " <"
              + ref.email()
              + "> is "
              + from.name()
              + " themselves; nothing was saved.");
    }
    Optional<Contact> existing = contactStore.findByEmail(c, ref.email());
    String context = ref.context() == null ? "" : ": " + ref.context();
    String offered = ref.introductionOffered() ? " (introduction offered)" : "";
    long id;
    boolean created;
    if (existing.isPresent()) {
      Contact known = existing.get();
      id = known.id();
      created = false;
      boolean link = known.referredBy() == null && known.id() != from.id();
      if (link) contactStore.setReferredBy(c, id, from.id(), now);
      contacts.recordForInterview(
          c,
          id,
          EventType.REFERRAL,
          "Recommended by "
              + from.name()
              + " in interview "
              + i.id()
              + offered
              + context
              + (link ? "; now referred by contact " + from.id() : ""),
          Link.contact(from.id()),
          i.id());
    } else {
      Contact made =
          contacts.insert(
              c,
              new NewContact(
                      ref.name(),
                      ref.email(),
                      null,
                      null,
                      ref.tier(),
                      from.id(),
                      from.hypothesisId(),
                      ref.context(),
                      "referral in interview " + i.id())
                  .validated(),
              now,
              EventType.CREATED,
              "referred by "
                  + from.name()
                  + " (contact "
                  + from.id()
                  + ") in interview "
                  + i.id()
                  + offered);
      id = made.id();
      created = true;
    }
    store.referral(c, i.id(), id, ref.context(), ref.introductionOffered(), created, now);
    contacts.recordForInterview(
        c,
        from.id(),
        EventType.REFERRAL,
        "Recommended "
            + ref.name()
            + " <"
            + ref.email()
            + ">"
            + offered
            + (created ? ", added as contact " : ", already contact ")
            + id,
        Link.contact(id),
        i.id());
    return new ReferralOutcome(id, ref.name(), created);
  }

  private static String added(String before, String now) {
    if (now == null) return before;
    if (before == null) return now;
    return before + "\n\n" + now;
  }
}
