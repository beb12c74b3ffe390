package dev.rapport.dashboard;

import dev.rapport.InvalidInputException;
import dev.rapport.RapportException;
import dev.rapport.contact.Contact;
import dev.rapport.draft.Draft;
import dev.rapport.interview.Interview;
import dev.rapport.interview.Notes;
import dev.rapport.interview.Reflection;
import dev.rapport.interview.Slot;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The interview forms of the contact page: book, move, cancel, mark done (which drafts the
 * thank-you at once, as {@code interviews done} does), draft the thank-you, tick off the card. Each
 * calls the same service as its command and comes back to the contact page with a flash message.
 */
final class InterviewForms {
  /** The forms that take a date, time and zone; a refused one comes back as typed. */
  static final java.util.Set<String> SLOT_FORMS = java.util.Set.of("schedule", "reschedule");

  private static final List<String> SLOT_FIELDS =
      List.of("date", "time", "zone", "minutes", "where");

  private final Handlers h;
  private final ContactPage page;

  InterviewForms(Handlers h, ContactPage page) {
    this.h = h;
    this.page = page;
  }

  void schedule(Context ctx) {
    boolean force = "yes".equals(ctx.formParam("force"));
    book(
        ctx,
        "schedule",
        (id, slot) -> h.app.interviews().schedule(id, slot, force),
        "Booked",
        "for");
  }

  void reschedule(Context ctx) {
    book(ctx, "reschedule", (id, slot) -> h.app.interviews().reschedule(id, slot), "Moved", "to");
  }

  /** A booking form: a refused one comes back as typed, with the reason above it. */
  private void book(
      Context ctx,
      String form,
      java.util.function.BiFunction<Long, Slot, Interview> action,
      String verb,
      String preposition) {
    long id = h.id(ctx);
    Interview i;
    try {
      i = action.apply(id, slot(ctx));
    } catch (InvalidInputException e) {
      page.refuse(
          ctx,
          id,
          new ContactPage.Refused(form, Handlers.fields(ctx, SLOT_FIELDS), e.getMessage()));
      return;
    }
    String confirm = "";
    if (form.equals("schedule")
        && "yes".equals(ctx.formParam("confirm"))
        && i.startsAt().toInstant().isAfter(h.app.clock().instant())) {
      try {
        var d = h.app.confirmations().confirm(i);
        confirm =
            " A confirmation with the calendar file attached (draft "
                + d.id()
                + ") is waiting for your review.";
      } catch (dev.rapport.RapportException e) {
        confirm = " No confirmation was drafted: " + e.getMessage();
      }
    }
    done(
        ctx,
        id,
        verb
            + " interview "
            + i.id()
            + " with "
            + name(id)
            + " "
            + preposition
            + " "
            + when(i)
            + "."
            + confirm);
  }

  void cancel(Context ctx) {
    long id = h.id(ctx);
    Interview i = h.app.interviews().cancel(id, ctx.formParam("note"));
    done(ctx, id, "Cancelled interview " + i.id() + " with " + name(id) + ".");
  }

  /** The interview is held: INTERVIEWED, and a thank-you draft to review straight away. */
  void markDone(Context ctx) {
    long id = h.id(ctx);
    boolean card = h.app.config().cadence().thankYouCard();
    String highlight = ctx.formParam("highlight");
    highlight = highlight == null || highlight.isBlank() ? null : highlight.strip();
    if (highlight != null && highlight.length() > 500)
      throw new InvalidInputException("Highlight: at most 500 characters.");
    Interview i = h.app.interviews().done(id, card, "yes".equals(ctx.formParam("force")));
    if (highlight != null) {
      // Recorded before the thank-you is drafted, so the draft can thank them for it.
      String said = highlight;
      h.app
          .notes()
          .record(id, questions -> new Notes(List.of(), null, said, Reflection.NONE, List.of()));
    }
    String text = "Interview " + i.id() + " with " + name(id) + " is done. ";
    try {
      Draft d = thankYou(id);
      text += "Thank-you draft " + d.id() + " is waiting for your review; record your notes below.";
    } catch (RapportException e) {
      text += "No thank-you drafted: " + e.getMessage();
    }
    if (card) text += " A handwritten card makes the thanks stay: tick it off here once sent.";
    done(ctx, id, text);
  }

  void thank(Context ctx) {
    long id = h.id(ctx);
    Draft d = thankYou(id);
    h.done(
        ctx,
        Sessions.Flash.ok(
            "Thank-you draft " + d.id() + " to " + name(id) + " is waiting for your review."),
        "/#draft-" + d.id());
  }

  void cardSent(Context ctx) {
    long id = h.id(ctx);
    Interview i = h.app.interviews().cardSent(id);
    done(ctx, id, "Card for " + i.label() + " ticked off.");
  }

  private Draft thankYou(long contactId) {
    return h.app.drafts().thankYou(contactId, h.app.interviews().thankYouFacts(contactId));
  }

  /**
   * The form's date, time and zone as a start; the service's own checks (length, place) speak of
   * command options, so their words are turned into the form's labels.
   */
  private Slot slot(Context ctx) {
    ZonedDateTime start = start(ctx);
    int minutes = minutes(ctx.formParam("minutes"));
    try {
      return new Slot(start, minutes, ctx.formParam("where"));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          e.getMessage().replace("--minutes:", "Length:").replace("--where:", "Where:"));
    }
  }

  private ZonedDateTime start(Context ctx) {
    String date = trimmed(ctx.formParam("date"));
    String time = trimmed(ctx.formParam("time"));
    String zone = trimmed(ctx.formParam("zone"));
    if (date.isEmpty() || time.isEmpty())
      throw new InvalidInputException("Give the interview's date and time.");
    LocalDate day;
    LocalTime at;
    try {
      day = LocalDate.parse(date);
    } catch (DateTimeException e) {
      throw new InvalidInputException("Date: \"" + date + "\" is not a date like 2026-12-01.");
    }
    try {
      at = LocalTime.parse(time);
    } catch (DateTimeException e) {
      throw new InvalidInputException("Time: \"" + time + "\" is not a time like 10:00.");
    }
    ZoneId z;
    try {
      z = zone.isEmpty() ? h.zone() : ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new InvalidInputException(
          "Time zone: \"" + zone + "\" is not a zone; write it as Europe/Berlin or +01:00.");
    }
    return ZonedDateTime.of(day, at, z);
  }

  private static int minutes(String text) {
    String t = trimmed(text);
    if (t.isEmpty()) return Slot.DEFAULT_MINUTES;
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Length: \"" + t + "\" is not a number of minutes.");
    }
  }

  private void done(Context ctx, long contactId, String text) {
    h.done(ctx, Sessions.Flash.ok(text), "/contacts/" + contactId + "#interviews");
  }

  private String name(long contactId) {
    Contact c = h.app.contacts().get(contactId);
    return c.name();
  }

  private String when(Interview i) {
    ZonedDateTime s = i.start();
    return s.toLocalDate() + " " + s.toLocalTime().withSecond(0) + " (" + s.getZone().getId() + ")";
  }

  private static String trimmed(String s) {
    return s == null ? "" : s.strip();
  }
}
