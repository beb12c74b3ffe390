package dev.rapport.dashboard;

import dev.rapport.inbox.Inbox;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes and what every page shares: the layout's model (CSRF token, flash message, sandbox
 * badge), redirects after a change, and error pages that say what went wrong in a sentence.
 */
final class Handlers {
  private static final Logger log = LoggerFactory.getLogger(Handlers.class);

  /** Where a form may send the browser back to: a path on this server, never another site. */
  private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/?=&_%.+-]*");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

  final DashboardServices app;
  private final Pages pages;
  private final Guard guard;
  final Supplier<Optional<Inbox>> inbox;

  Handlers(DashboardServices app, Pages pages, Guard guard, Supplier<Optional<Inbox>> inbox) {
    this.app = app;
    this.pages = pages;
    this.guard = guard;
    this.inbox = inbox;
  }

  void routes(RoutesConfig r) {
    ReviewPage review = new ReviewPage(this);
    PipelinePage pipeline = new PipelinePage(this);
    ContactPage contact = new ContactPage(this);
    ProgressPage progress = new ProgressPage(this);
    StatusPage status = new StatusPage(this);
    InterviewForms interviews = new InterviewForms(this, contact);
    NotesForm notes = new NotesForm(this, contact);
    ContactForms contactForms = new ContactForms(this, pipeline, contact);
    ComparePage compare = new ComparePage(this);
    HypothesesPage hypotheses = new HypothesesPage(this);
    EmployersPage employers = new EmployersPage(this);
    QuestionsPage questions = new QuestionsPage(this);
    ImportPage importPage = new ImportPage(this);
    r.get("/", review::show);
    r.post("/drafts/approve-all", review::approveAll);
    r.post("/drafts/{id}/approve", review::approve);
    r.post("/drafts/{id}/reject", review::reject);
    r.post("/drafts/{id}/mark-sent", review::markSent);
    r.post("/drafts/{id}/edit", review::edit);
    r.post("/drafts/{id}/resolve", review::resolve);
    r.get("/pipeline", pipeline::show);
    r.post("/contacts/{id}/stage", pipeline::move);
    r.get("/contacts/{id}", contact::show);
    r.post("/contacts", contactForms::add);
    r.post("/contacts/{id}/outreach", contactForms::outreach);
    r.post("/contacts/{id}/note", contactForms::note);
    r.post("/contacts/{id}/keep", contactForms::keep);
    r.post("/contacts/{id}/reply", contactForms::reply);
    r.post("/contacts/{id}/decline", contactForms::decline);
    r.post("/contacts/{id}/edit", contactForms::edit);
    r.post("/contacts/{id}/timezone", contactForms::timezone);
    r.post("/contacts/{id}/interview/schedule", interviews::schedule);
    r.post("/contacts/{id}/interview/reschedule", interviews::reschedule);
    r.post("/contacts/{id}/interview/cancel", interviews::cancel);
    r.post("/contacts/{id}/interview/done", interviews::markDone);
    r.post("/contacts/{id}/interview/notes", notes::save);
    r.post("/contacts/{id}/thank-you", interviews::thank);
    r.post("/contacts/{id}/card-sent", interviews::cardSent);
    r.get("/compare", compare::show);
    r.get("/import", importPage::show);
    r.post("/import", importPage::upload);
    r.get("/employers", employers::list);
    r.post("/employers", employers::add);
    r.get("/hypotheses", hypotheses::list);
    r.post("/hypotheses", hypotheses::add);
    r.get("/hypotheses/{id}", hypotheses::show);
    r.post("/hypotheses/{id}/resolve", hypotheses::resolve);
    r.post("/hypotheses/{id}/pitch", hypotheses::pitch);
    r.get("/questions", questions::show);
    r.post("/questions", questions::add);
    r.post("/questions/{number}/move", questions::move);
    r.post("/questions/{number}/remove", questions::remove);
    r.get("/progress", progress::show);
    r.get("/status", status::show);
    r.post("/pause", status::pause);
    r.post("/pause/resume", status::resume);
  }

  /** Renders a page inside the layout; {@code active} marks its link in the navigation. */
  void render(Context ctx, String template, String title, String active, Map<String, Object> m) {
    Optional<Sessions.Session> s = guard.session(ctx);
    m.put("title", title);
    m.put("active", active);
    m.put("csrf", s.map(x -> x.csrf).orElse(""));
    m.put("csrfField", Guard.CSRF_FIELD);
    m.put("sandbox", app.config().sandbox());
    m.put("twoHour", app.config().twoHour());
    Sessions.Flash flash = s.map(Sessions.Session::takeFlash).orElse(null);
    if (flash != null) m.put("flash", flash);
    ctx.html(pages.render(template, m));
  }

  /** After a change: a flash message and a redirect (303) to {@code to}, or the form's "back". */
  void done(Context ctx, Sessions.Flash flash, String to) {
    guard.session(ctx).ifPresent(s -> s.flash(flash));
    String back = ctx.formParam("back");
    ctx.redirect(
        back != null && LOCAL_PATH.matcher(back).matches() ? back : to, HttpStatus.SEE_OTHER);
  }

  /** The named form fields as typed ("" for one not sent), to show a refused form again. */
  static Map<String, String> fields(Context ctx, java.util.List<String> names) {
    Map<String, String> typed = new java.util.HashMap<>();
    for (String f : names) {
      String v = ctx.formParam(f);
      typed.put(f, v == null ? "" : v);
    }
    return typed;
  }

  long id(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new dev.rapport.NotFoundException("There is no such page.");
    }
  }

  void error(Context ctx, int status, Exception e) {
    if (ctx.method().equals(io.javalin.http.HandlerType.POST)) {
      done(ctx, Sessions.Flash.error(e.getMessage()), "/");
      return;
    }
    ctx.status(status);
    Map<String, Object> m = Dashboard.model();
    m.put("message", e.getMessage());
    render(ctx, "error.ftlh", status == 404 ? "Not found" : "Something is wrong", "", m);
  }

  void notFound(Context ctx) {
    if (ctx.result() != null && !ctx.result().isEmpty()) return;
    Map<String, Object> m = Dashboard.model();
    m.put("message", "There is no page at " + ctx.path() + ".");
    render(ctx, "error.ftlh", "Not found", "", m);
  }

  /** A form over the size limit or malformed: a page that says so, with nothing changed. */
  void unreadable(Context ctx, UnreadableForm e) {
    ctx.status(e.status);
    Map<String, Object> m = Dashboard.model();
    m.put("message", e.getMessage());
    render(ctx, "error.ftlh", e.status == 413 ? "Too large" : "Something is wrong", "", m);
  }

  void failure(Context ctx, Exception e) {
    log.error("dashboard request {} {} failed", ctx.method(), ctx.path(), e);
    ctx.status(500);
    Map<String, Object> m = Dashboard.model();
    m.put("message", "rapport could not do this: " + e.getMessage() + " (details in rapport.log).");
    render(ctx, "error.ftlh", "Something went wrong", "", m);
  }

  ZoneId zone() {
    return app.config().pacing().timezone();
  }

  String time(OffsetDateTime t) {
    return t == null ? "" : TIME.format(t.atZoneSameInstant(zone()));
  }

  String day(OffsetDateTime t) {
    return t == null ? "" : DAY.format(t.atZoneSameInstant(zone()));
  }
}
