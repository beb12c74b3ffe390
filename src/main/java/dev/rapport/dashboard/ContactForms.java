package dev.rapport.dashboard;

import dev.rapport.InvalidInputException;
import dev.rapport.RapportException;
import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactChanges;
import dev.rapport.contact.ContactEdit;
import dev.rapport.contact.Level;
import dev.rapport.contact.NewContact;
import dev.rapport.draft.Draft;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Forms that bring people in and start the conversation: add a contact (as {@code contacts add}),
 * draft outreach for one (as {@code outreach}), and a dated research note (as {@code contacts
 * note}). A refused contact comes back as typed with the reason.
 */
final class ContactForms {
  static final String ADD_FORM = "add";
  static final List<String> ADD_FIELDS =
      List.of(
          "name",
          "email",
          "company",
          "role",
          "tier",
          "level",
          "hypothesis",
          "note",
          "timezone",
          "keep");

  private final Handlers h;
  private final PipelinePage pipeline;
  private final ContactPage contactPage;

  ContactForms(Handlers h, PipelinePage pipeline, ContactPage contactPage) {
    this.h = h;
    this.pipeline = pipeline;
    this.contactPage = contactPage;
  }

  void add(Context ctx) {
    Map<String, String> typed = Handlers.fields(ctx, ADD_FIELDS);
    Contact c;
    try {
      c =
          h.app
              .contacts()
              .add(
                  new NewContact(
                          blankToNull(typed.get("name")),
                          blankToNull(typed.get("email")),
                          blankToNull(typed.get("company")),
                          blankToNull(typed.get("role")),
                          number("Tier", typed.get("tier")),
                          null,
                          hypothesis(typed.get("hypothesis")),
                          blankToNull(typed.get("note")),
                          "dashboard")
                      .withLevel(Level.parse(blankToNull(typed.get("level"))).orElse(null))
                      .withKeepInTouch(!typed.get("keep").isEmpty())
                      .withTimezone(blankToNull(typed.get("timezone"))));
    } catch (RapportException e) {
      pipeline.refuse(ctx, new ContactPage.Refused(ADD_FORM, typed, e.getMessage()));
      return;
    }
    h.done(
        ctx,
        Sessions.Flash.ok(
            "Added "
                + c.name()
                + " as contact "
                + c.id()
                + ". Draft a first note from their page."),
        "/contacts/" + c.id());
  }

  static final String EDIT_FORM = "edit";
  static final List<String> EDIT_FIELDS =
      List.of("name", "email", "company", "role", "tier", "level", "hypothesis", "reset");

  /** Every detail as the form sent it, as {@code contacts edit} takes them. */
  void edit(Context ctx) {
    long id = h.id(ctx);
    Map<String, String> typed = Handlers.fields(ctx, EDIT_FIELDS);
    ContactEdit e;
    try {
      String level = blankToNull(typed.get("level"));
      Integer hypothesis = number("Hypothesis", typed.get("hypothesis"));
      e =
          h.app
              .contactEditor()
              .edit(
                  id,
                  new ContactChanges(
                      typed.get("name"),
                      typed.get("email"),
                      typed.get("company"),
                      typed.get("role"),
                      number("Tier", typed.get("tier")),
                      Level.parse(level).orElse(null),
                      level == null,
                      hypothesis == null ? null : hypothesis.longValue(),
                      hypothesis == null),
                  dev.rapport.contact.Link.command("dashboard"),
                  !typed.get("reset").isEmpty());
    } catch (RapportException ex) {
      contactPage.refuse(ctx, id, new ContactPage.Refused(EDIT_FORM, typed, ex.getMessage()));
      return;
    }
    String text =
        !e.edited().changed()
            ? "Nothing changed."
            : "Saved " + e.edited().after().name() + "'s details.";
    if (!typed.get("reset").isEmpty()) text += " They are NEW again: draft a first note.";
    else if (e.edited().emailChanged()
        && e.edited().after().stage() == dev.rapport.contact.Stage.BOUNCED)
      text +=
          " They are still BOUNCED: tick \"start over as NEW\" and save again to reach the new"
              + " address.";
    if (e.readdressed() > 0)
      text +=
          " "
              + e.readdressed()
              + " draft(s) not yet sent now go to "
              + e.edited().after().email()
              + "; any that was approved waits for your review again.";
    h.done(ctx, Sessions.Flash.ok(text), "/contacts/" + id);
  }

  void outreach(Context ctx) {
    long id = h.id(ctx);
    Draft d = h.app.drafts().outreach(id, false);
    h.done(
        ctx,
        Sessions.Flash.ok(
            "Outreach draft " + d.id() + " to " + d.to() + " is waiting for your review."),
        "/#draft-" + d.id());
  }

  void note(Context ctx) {
    long id = h.id(ctx);
    String text = ctx.formParam("text");
    if (text == null || text.isBlank())
      throw new InvalidInputException("Write the note first; nothing was saved.");
    Contact c = h.app.contacts().note(id, text.replace("\r\n", "\n"));
    h.done(ctx, Sessions.Flash.ok("Noted on " + c.name() + "'s timeline."), "/contacts/" + id);
  }

  /**
   * An answer received outside mail, as {@code contacts reply}: REPLIED as for a reply by mail,
   * waiting nudges cancelled.
   */
  void reply(Context ctx) {
    long id = h.id(ctx);
    String text = ctx.formParam("text");
    dev.rapport.draft.Replies.Received r =
        new dev.rapport.draft.Replies()
            .byHand(
                h.app.database(),
                h.app.contacts(),
                h.app.clock(),
                id,
                text == null ? null : text.replace("\r\n", "\n"),
                dev.rapport.contact.Link.command("dashboard"));
    int n = r.cancelled().size();
    h.done(
        ctx,
        Sessions.Flash.ok(
            (r.moved().isPresent()
                    ? r.contact().name() + " is now " + r.moved().get() + "."
                    : "The reply is on "
                        + r.contact().name()
                        + "'s timeline; they stay "
                        + r.contact().stage()
                        + " (move them by hand if that is wrong).")
                + (n == 0 ? "" : " " + n + " waiting nudge" + (n == 1 ? "" : "s") + " cancelled.")),
        "/contacts/" + id);
  }

  /** A "no" beside their reply, as {@code contacts decline ID --note}. */
  void decline(Context ctx) {
    long id = h.id(ctx);
    String note = blankToNull(ctx.formParam("note"));
    dev.rapport.draft.Declines.Declined d =
        new dev.rapport.draft.Declines(h.app.database(), h.app.contacts(), h.app.clock())
            .decline(id, note, dev.rapport.contact.Link.command("dashboard"));
    int n = d.cancelled().size();
    h.done(
        ctx,
        Sessions.Flash.ok(
            d.contact().name()
                + " is now DECLINED."
                + (n == 0 ? "" : " " + n + " waiting nudge" + (n == 1 ? "" : "s") + " cancelled.")),
        "/contacts/" + id);
  }

  /** Marks or unmarks the contact for keep-in-touch notes, as {@code contacts keep [--off]}. */
  void keep(Context ctx) {
    long id = h.id(ctx);
    boolean keep = "yes".equals(ctx.formParam("keep"));
    Contact c =
        h.app.contacts().keepInTouch(id, keep, dev.rapport.contact.Link.command("dashboard"));
    h.done(
        ctx,
        Sessions.Flash.ok(
            keep
                ? c.name()
                    + " is marked to keep in touch with: a short note comes up for review"
                    + " a few months after your last exchange."
                : c.name()
                    + " is no longer marked; a keep-in-touch draft already waiting stays for you to"
                    + " reject or send."),
        "/contacts/" + id);
  }

  /** Sets or clears the contact's own time zone, as {@code contacts timezone}. */
  void timezone(Context ctx) {
    long id = h.id(ctx);
    String zone = blankToNull(ctx.formParam("timezone"));
    Contact c = h.app.contacts().timezone(id, zone, dev.rapport.contact.Link.command("dashboard"));
    h.done(
        ctx,
        Sessions.Flash.ok(
            c.timezone() == null
                ? c.name() + " has no time zone of their own now: your sending window applies."
                : c.name() + "'s time zone is " + c.timezone().getId() + "."),
        "/contacts/" + id);
  }

  private Long hypothesis(String s) {
    Integer n = number("Hypothesis", s);
    if (n == null) return null;
    return h.app.hypotheses().get(n).id();
  }

  private static Integer number(String label, String s) {
    String t = s == null ? "" : s.strip();
    if (t.isEmpty()) return null;
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(label + ": \"" + t + "\" is not a number.");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
