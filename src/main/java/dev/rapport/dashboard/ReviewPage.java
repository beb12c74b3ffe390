package dev.rapport.dashboard;

import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftContent;
import dev.rapport.draft.DraftService;
import dev.rapport.draft.DraftStateException;
import dev.rapport.draft.DraftStatus;
import dev.rapport.outbox.MessagePreview;
import dev.rapport.outbox.OutboxService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The home page: every PENDING draft with its contact, kind and reason, the exact message it would
 * be sent as, approve / reject / edit in place; approve all; UNCERTAIN drafts with their two
 * choices; what is approved and waiting to go.
 */
final class ReviewPage {
  private final Handlers h;

  ReviewPage(Handlers h) {
    this.h = h;
  }

  /** One draft on the page; {@code error} is set when an edit of it was refused. */
  public record DraftView(
      long id,
      String kind,
      String status,
      long contactId,
      String contactName,
      String contactLine,
      String reason,
      String reviewNote,
      String template,
      String created,
      String version,
      String subject,
      String body,
      MessagePreview preview,
      String error,
      List<String> warnings,
      boolean byHand,
      String channel,
      String handProblem,
      List<String> attachments) {}

  /** The typed text of a refused edit, shown again with the reason. */
  private record Refused(long id, String subject, String body, String error) {}

  void show(Context ctx) {
    page(ctx, null);
  }

  private void page(Context ctx, Refused refused) {
    DraftService drafts = h.app.drafts();
    ContactService contacts = h.app.contacts();
    OutboxService outbox = h.app.outbox();
    Map<Long, Contact> seen = new HashMap<>();
    List<DraftView> pending = new ArrayList<>();
    for (Draft d : drafts.list(Optional.of(DraftStatus.PENDING)))
      pending.add(view(d, contact(contacts, seen, d), outbox, refused));
    List<DraftView> uncertain = new ArrayList<>();
    for (Draft d : drafts.list(Optional.of(DraftStatus.UNCERTAIN)))
      uncertain.add(view(d, contact(contacts, seen, d), outbox, null));
    List<DraftView> queued = new ArrayList<>();
    for (DraftStatus s : List.of(DraftStatus.APPROVED, DraftStatus.SENDING))
      for (Draft d : drafts.list(Optional.of(s)))
        queued.add(view(d, contact(contacts, seen, d), null, null));
    Map<String, Object> m = Dashboard.model();
    m.put("pending", pending);
    m.put("uncertain", uncertain);
    m.put("queued", queued);
    m.put("contactCount", contacts.list(Optional.empty()).size());
    h.render(ctx, "review.ftlh", "Review queue", "review", m);
  }

  void approve(Context ctx) {
    Draft d = h.app.drafts().approve(h.id(ctx));
    h.done(ctx, Sessions.Flash.ok("Approved: " + line(d) + ". " + whenSent()), "/");
  }

  void approveAll(Context ctx) {
    List<Draft> all = h.app.drafts().approveAll();
    h.done(
        ctx,
        all.isEmpty()
            ? Sessions.Flash.ok("There was nothing to approve.")
            : Sessions.Flash.ok(
                "Approved "
                    + all.size()
                    + (all.size() == 1 ? " draft. " : " drafts. ")
                    + whenSent()),
        "/");
  }

  /** A note to someone off email, sent by the user's hand: SENT, the contact moved as by mail. */
  void markSent(Context ctx) {
    Draft d =
        new dev.rapport.outbox.HandSends(
                h.app.database(), h.app.contacts(), h.app.drafts(), h.app.clock())
            .markSent(h.id(ctx), dev.rapport.contact.Link.command("dashboard"));
    h.done(
        ctx,
        Sessions.Flash.ok(
            "Marked as sent by hand: " + line(d) + ". Follow-ups are planned as for an email."),
        "/");
  }

  void reject(Context ctx) {
    Draft d = h.app.drafts().reject(h.id(ctx));
    h.done(ctx, Sessions.Flash.ok("Rejected: " + line(d) + ". It will not be sent."), "/");
  }

  /**
   * Saves an edit of subject and body, checked as {@code drafts edit} checks them. A refused edit
   * shows the page again with the typed text and the reason, so nothing typed is lost.
   */
  void edit(Context ctx) {
    long id = h.id(ctx);
    String subject = ctx.formParam("subject");
    String body = ctx.formParam("body");
    String version = ctx.formParam("version");
    DraftService drafts = h.app.drafts();
    Draft seen = drafts.requireEditable(id);
    if (version == null || !version.equals(seen.updatedAt().toString())) {
      refuse(
          ctx,
          new Refused(
              id,
              subject,
              body,
              "This draft changed since the page was loaded (it is now "
                  + seen.status()
                  + "); your edit was not saved. Compare with the text now shown, then save again."));
      return;
    }
    DraftContent edited;
    try {
      edited =
          new DraftContent(
              seen.to(),
              field("Subject", () -> DraftContent.subject(subject)),
              field("Body", () -> DraftContent.body(lines(body))));
    } catch (IllegalArgumentException e) {
      refuse(ctx, new Refused(id, subject, body, e.getMessage()));
      return;
    }
    Optional<Draft> saved;
    try {
      saved = drafts.edit(seen, edited);
    } catch (DraftStateException e) {
      refuse(ctx, new Refused(id, subject, body, e.getMessage()));
      return;
    }
    h.done(
        ctx,
        Sessions.Flash.ok(
            saved.isEmpty()
                ? "No changes to draft " + id + "."
                : "Saved "
                    + line(saved.get())
                    + (seen.status() == DraftStatus.APPROVED
                        ? "; it is PENDING again: approve it when it reads right."
                        : ".")),
        "/#draft-" + id);
  }

  /** The user's decision on an UNCERTAIN draft: it was sent, or send it again. */
  void resolve(Context ctx) {
    long id = h.id(ctx);
    String decision = ctx.formParam("decision");
    if (!"sent".equals(decision) && !"resend".equals(decision))
      throw new dev.rapport.InvalidInputException("Choose \"It arrived\" or \"Send it again\".");
    boolean sent = decision.equals("sent");
    h.app.outbox().resolve(id, sent);
    Draft d = h.app.drafts().get(id);
    h.done(
        ctx,
        Sessions.Flash.ok(
            (sent ? "Marked as sent: " : "Queued to be sent again, with the same Message-ID: ")
                + line(d)
                + "."),
        "/");
  }

  private void refuse(Context ctx, Refused refused) {
    ctx.status(422);
    page(ctx, refused);
  }

  private DraftView view(Draft d, Contact c, OutboxService outbox, Refused refused) {
    boolean mine = refused != null && refused.id() == d.id();
    MessagePreview preview = outbox == null || d.byHand() ? null : outbox.preview(d.id());
    return new DraftView(
        d.id(),
        d.kind().name(),
        d.status().name(),
        d.contactId(),
        c.name(),
        contactLine(c),
        d.reason() == null ? "" : d.reason(),
        d.reviewNote() == null ? "" : d.reviewNote(),
        d.template() == null ? "" : d.template(),
        h.time(d.createdAt()),
        d.updatedAt().toString(),
        mine ? nonNull(refused.subject()) : d.subject(),
        mine ? nonNull(refused.body()) : d.body(),
        preview,
        mine ? refused.error() : null,
        d.status().reviewable() ? h.app.drafts().warnings(d) : List.of(),
        d.byHand(),
        d.channel().label(),
        dev.rapport.draft.ShortNotes.problem(d).orElse(null),
        h.app.drafts().attachments(d.id()).stream()
            .map(dev.rapport.draft.DraftService::describe)
            .toList());
  }

  private static String contactLine(Contact c) {
    StringBuilder sb = new StringBuilder("tier " + c.tier());
    if (c.role() != null && !c.role().isBlank()) sb.append(" · ").append(c.role());
    if (c.company() != null && !c.company().isBlank()) sb.append(" at ").append(c.company());
    sb.append(" · ").append(c.stage().name());
    return sb.toString();
  }

  private static Contact contact(ContactService contacts, Map<Long, Contact> seen, Draft d) {
    return seen.computeIfAbsent(d.contactId(), contacts::get);
  }

  private String whenSent() {
    return h.app.config().sandbox()
        ? "The running daemon sends it to the sandbox within seconds."
        : "The daemon sends it within the sending window ("
            + h.app.config().pacing().windowStart()
            + "–"
            + h.app.config().pacing().windowEnd()
            + ").";
  }

  private static String line(Draft d) {
    return d.kind()
        + " draft "
        + d.id()
        + (d.byHand() ? " on " + d.channel().label() : " to " + d.to())
        + " (\""
        + d.subject()
        + "\")";
  }

  /** A browser sends a textarea's lines ending in CR LF; a draft keeps LF only. */
  private static String lines(String text) {
    return text == null ? null : text.replace("\r\n", "\n");
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private interface Check {
    String run();
  }

  private static String field(String name, Check check) {
    try {
      return check.run();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }
}
