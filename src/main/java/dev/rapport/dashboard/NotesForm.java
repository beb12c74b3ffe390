package dev.rapport.dashboard;

import dev.rapport.InvalidInputException;
import dev.rapport.RapportException;
import dev.rapport.interview.Notes;
import dev.rapport.interview.NotesService;
import dev.rapport.interview.Reflection;
import dev.rapport.question.Question;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interview notes form: an answer per active question, free notes, the highlight to thank them
 * for, the reflection and up to {@link InterviewPanel#REFERRAL_ROWS} referrals. Saved as {@code
 * interviews notes} saves them (all or nothing, added to what was recorded before); a refused form
 * comes back with everything typed and the reason, so nothing is lost.
 */
final class NotesForm {
  static final String FORM = "notes";
  private static final int MAX_TEXT = 20_000;

  private final Handlers h;
  private final ContactPage page;

  NotesForm(Handlers h, ContactPage page) {
    this.h = h;
    this.page = page;
  }

  static String answerField(long questionId) {
    return "q-" + questionId;
  }

  void save(Context ctx) {
    long id = h.id(ctx);
    Map<String, String> typed = typed(ctx);
    NotesService.Recorded saved;
    var before = h.app.interviews().heldFacts(id);
    try {
      saved = h.app.notes().record(id, questions -> notes(questions, typed));
    } catch (RapportException e) {
      page.refuse(ctx, id, new ContactPage.Refused(FORM, typed, e.getMessage()));
      return;
    }
    StringBuilder text =
        new StringBuilder("Saved the notes on interview " + saved.interview().id());
    if (saved.answers() > 0) text.append(": ").append(saved.answers()).append(" answer(s)");
    for (NotesService.ReferralOutcome r : saved.referrals())
      text.append(r.created() ? "; added " : "; linked ")
          .append(r.name())
          .append(" as contact ")
          .append(r.contactId());
    text.append('.');
    // a thank-you drafted when the interview was marked done, untouched since, follows the notes
    var followed = h.app.drafts().followNotes(id, before, h.app.interviews().heldFacts(id));
    followed.ifPresent(
        d ->
            text.append(" Thank-you draft ")
                .append(d.id())
                .append(" now says what these notes say (highlight, introductions)."));
    if (followed.isEmpty() && typed.containsKey("highlight") && !typed.get("highlight").isBlank())
      pendingThankYou(id)
          .ifPresent(
              d ->
                  text.append(" Thank-you draft ")
                      .append(d.id())
                      .append(" was written before this highlight: edit it on the Review page to")
                      .append(" mention it, or reject it and draft it again here."));
    h.done(ctx, Sessions.Flash.ok(text.toString()), "/contacts/" + id);
  }

  private java.util.Optional<dev.rapport.draft.Draft> pendingThankYou(long contactId) {
    return h
        .app
        .drafts()
        .list(java.util.Optional.of(dev.rapport.draft.DraftStatus.PENDING))
        .stream()
        .filter(
            d -> d.contactId() == contactId && d.kind() == dev.rapport.draft.DraftKind.THANK_YOU)
        .findFirst();
  }

  /** Every field of the form as typed, with the browser's CR LF made LF. */
  private static Map<String, String> typed(Context ctx) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : ctx.formParamMap().entrySet()) {
      if (e.getKey().equals(Guard.CSRF_FIELD) || e.getValue().isEmpty()) continue;
      typed.put(e.getKey(), e.getValue().get(0).replace("\r\n", "\n"));
    }
    return typed;
  }

  /** The form as notes over the question set read in the saving transaction. */
  static Notes notes(List<Question> questions, Map<String, String> typed) {
    List<Notes.Answer> answers = new ArrayList<>();
    for (Question q : questions) {
      String a = text(typed, answerField(q.id()), "Answer " + q.number());
      if (a != null) answers.add(new Notes.Answer(q.id(), q.number(), a));
    }
    Reflection reflection;
    try {
      reflection =
          new Reflection(
              text(typed, "resonated", "What resonated"),
              text(typed, "clashed", "What clashed"),
              energy(typed.get("energy")),
              continuePath(typed.get("continue")));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Energy: " + e.getMessage() + ".");
    }
    List<Notes.Referral> referrals = new ArrayList<>();
    for (int row = 1; row <= InterviewPanel.REFERRAL_ROWS; row++) {
      Notes.Referral r = referral(typed, row);
      if (r != null) referrals.add(r);
    }
    return new Notes(
        answers,
        text(typed, "notes", "Notes"),
        text(typed, "highlight", "Highlight"),
        reflection,
        referrals);
  }

  private static Notes.Referral referral(Map<String, String> typed, int row) {
    String name = text(typed, "ref-name-" + row, "Referral " + row + " name");
    String email = text(typed, "ref-email-" + row, "Referral " + row + " email");
    String context = text(typed, "ref-context-" + row, "Referral " + row + " context");
    boolean offered = typed.containsKey("ref-offered-" + row);
    if (name == null && email == null) {
      if (context != null || offered)
        throw new InvalidInputException(
            "Referral " + row + ": give their name and email address, or clear the row.");
      return null;
    }
    if (name == null)
      throw new InvalidInputException("Referral " + row + ": a referral needs a name.");
    if (email == null)
      throw new InvalidInputException(
          "Referral " + row + ": " + name + " needs an email address to become a contact.");
    return new Notes.Referral(name, email, context, offered, null);
  }

  private static Integer energy(String value) {
    if (value == null || value.isBlank()) return null;
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Energy: choose 1 to 5, not \"" + value + "\".");
    }
  }

  private static Boolean continuePath(String value) {
    if (value == null || value.isBlank()) return null;
    return switch (value) {
      case "yes" -> true;
      case "no" -> false;
      default ->
          throw new InvalidInputException("Continue on this path: choose yes, no or undecided.");
    };
  }

  /** A field's text, stripped; null when blank. Refuses text too long to be a note. */
  private static String text(Map<String, String> typed, String field, String label) {
    String v = typed.get(field);
    if (v == null) return null;
    v = v.strip();
    if (v.isEmpty()) return null;
    if (v.length() > MAX_TEXT)
      throw new InvalidInputException(
          label + ": at most " + MAX_TEXT + " characters, not " + v.length() + ".");
    return v;
  }
}
