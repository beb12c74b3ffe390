package dev.rapport.dashboard;

import dev.rapport.NotFoundException;
import dev.rapport.contact.Contact;
import dev.rapport.contact.Stage;
import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStatus;
import dev.rapport.interview.Interview;
import dev.rapport.interview.NotesService;
import dev.rapport.interview.Reflection;
import dev.rapport.question.Question;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contact page's interview section, read side: the contact's interviews, what may be done next
 * (schedule, reschedule, cancel, mark done, draft the thank-you), and the notes form over the
 * active question set with what was recorded before. The forms post to {@link InterviewForms} and
 * {@link NotesForm}.
 */
final class InterviewPanel {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", java.util.Locale.ENGLISH);

  /** Referral rows the notes form offers: the practice asks for two or three people. */
  static final int REFERRAL_ROWS = 3;

  private final Handlers h;

  InterviewPanel(Handlers h) {
    this.h = h;
  }

  /** One interview as a line: "Tue 1 Dec 2026, 10:00 (Europe/Berlin), 30 minutes, Video". */
  public record InterviewLine(long id, String status, String when, String place, boolean invited) {}

  /**
   * One active question in the notes form: the answers recorded so far, and what was typed into a
   * refused form (new answers are added to the recorded ones).
   */
  public record QuestionField(
      long id, int number, String text, List<String> recorded, String typed) {}

  /** A recorded referral. */
  public record ReferralLine(long contactId, String name, String email, String context) {}

  /** A choice in a select or radio group. */
  public record Choice(String value, String label, boolean selected) {}

  /**
   * Puts the section's model into {@code m}; {@code refused} is a form of this section that was
   * refused, to show again as typed with its reason (null otherwise).
   */
  void fill(Contact c, List<Draft> drafts, Map<String, Object> m, ContactPage.Refused refused) {
    Map<String, String> typed =
        refused != null && refused.form().equals(NotesForm.FORM) ? refused.typed() : Map.of();
    List<InterviewLine> lines = new ArrayList<>();
    Interview scheduled = null;
    for (Interview i : h.app.interviews().list(Optional.empty())) {
      if (i.contactId() != c.id()) continue;
      lines.add(line(i));
      if (i.status() == Interview.Status.SCHEDULED) scheduled = i;
    }
    java.util.Collections.reverse(lines);
    m.put("interviews", lines);
    m.put("scheduled", scheduled == null ? null : line(scheduled));
    m.put("zone", h.zone().getId());
    boolean slotRefused = refused != null && InterviewForms.SLOT_FORMS.contains(refused.form());
    m.put(
        "slot",
        slotRefused
            ? refused.typed()
            : scheduled == null ? Map.of() : slot(scheduled.start(), scheduled));
    m.put("canSchedule", scheduled == null && schedulable(c.stage()));
    m.put("heldBefore", lines.stream().anyMatch(l -> l.status().equals("DONE")));
    m.put("canMarkDone", !ENDED.contains(c.stage()));
    m.put("thankYou", thankYouChoice(c, drafts));
    m.put("cardReminder", h.app.config().cadence().thankYouCard());
    notes(c, m, typed);
  }

  private void notes(Contact c, Map<String, Object> m, Map<String, String> typed) {
    NotesService.Details recorded;
    try {
      recorded = h.app.notes().details(c.id());
    } catch (NotFoundException e) {
      m.put("notesFor", null);
      return;
    }
    Map<Long, List<String>> answered = new java.util.HashMap<>();
    for (NotesService.ShownAnswer a : recorded.answers())
      answered.computeIfAbsent(a.questionId(), k -> new ArrayList<>()).add(a.text());
    List<QuestionField> fields = new ArrayList<>();
    for (Question q : h.app.questions().list())
      fields.add(
          new QuestionField(
              q.id(),
              q.number(),
              q.text(),
              answered.getOrDefault(q.id(), List.of()),
              typed.getOrDefault(NotesForm.answerField(q.id()), "")));
    // Answers to questions since retired stay visible, under their own words.
    List<NotesService.ShownAnswer> retired =
        recorded.answers().stream().filter(a -> a.number() == null).toList();
    Interview i = recorded.interview();
    Reflection r = i.reflection();
    m.put("notesFor", line(i));
    m.put("questions", fields);
    m.put("retiredAnswers", retired);
    m.put("recordedNotes", recorded.notes());
    m.put(
        "referrals",
        recorded.referrals().stream()
            .map(x -> new ReferralLine(x.contactId(), x.name(), x.email(), text(x.context())))
            .toList());
    m.put("highlight", text(i.highlight()));
    m.put("resonated", text(r.resonated()));
    m.put("clashed", text(r.clashed()));
    m.put("energy", r.energy() == null ? "" : r.energy() + " of 5");
    m.put(
        "continuePath",
        r.continuePath() == null ? "" : r.continuePath() ? "continue" : "stop on this path");
    m.put("typed", typed);
    m.put(
        "referralRows", java.util.stream.IntStream.rangeClosed(1, REFERRAL_ROWS).boxed().toList());
    List<Choice> energy = new ArrayList<>();
    String chosenEnergy = typed.getOrDefault("energy", "");
    energy.add(new Choice("", "Leave as it is", chosenEnergy.isEmpty()));
    String[] words = {"drained", "tired", "even", "lifted", "energised"};
    for (int e = 1; e <= 5; e++)
      energy.add(
          new Choice(
              String.valueOf(e),
              e + " (" + words[e - 1] + ")",
              chosenEnergy.equals(String.valueOf(e))));
    m.put("energyChoices", energy);
  }

  /** The thank-you button's state: "draft" when one can be drafted now, else blank. */
  private static String thankYouChoice(Contact c, List<Draft> drafts) {
    if (c.stage() != Stage.INTERVIEWED) return "";
    for (Draft d : drafts)
      if (d.kind() == DraftKind.THANK_YOU && d.contactId() == c.id() && OPEN.contains(d.status()))
        return "";
    return "draft";
  }

  /** The schedule form's fields for a start, in the zone it was given in. */
  static Map<String, String> slot(ZonedDateTime start, Interview i) {
    Map<String, String> s = new java.util.HashMap<>();
    s.put("date", start.toLocalDate().toString());
    s.put("time", start.toLocalTime().withSecond(0).withNano(0).toString());
    s.put("zone", start.getZone().getId());
    s.put("minutes", String.valueOf(i.minutes()));
    s.put("where", i.place() == null ? "" : i.place());
    return s;
  }

  private InterviewLine line(Interview i) {
    ZonedDateTime start = i.start();
    String when = WHEN.format(start) + " (" + start.getZone().getId() + ")";
    if (!start.getZone().equals(h.zone()))
      when += ", " + WHEN.format(start.withZoneSameInstant(h.zone())) + " your time";
    when += ", " + i.minutes() + " minutes";
    return new InterviewLine(
        i.id(),
        i.status().name(),
        when,
        text(i.place()),
        i.source() == Interview.Source.INVITATION);
  }

  /** A thank-you in one of these is on its way: no second one. */
  private static final java.util.Set<DraftStatus> OPEN =
      java.util.EnumSet.of(
          DraftStatus.PENDING, DraftStatus.APPROVED, DraftStatus.SENDING, DraftStatus.UNCERTAIN);

  /** Stages in which nothing more is booked or held. */
  private static final java.util.Set<Stage> ENDED =
      java.util.EnumSet.of(Stage.BOUNCED, Stage.DECLINED, Stage.PAUSED);

  private static boolean schedulable(Stage s) {
    return !ENDED.contains(s);
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
