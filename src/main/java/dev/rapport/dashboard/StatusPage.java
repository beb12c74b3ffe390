package dev.rapport.dashboard;

import dev.rapport.config.Config;
import dev.rapport.draft.Draft;
import dev.rapport.draft.DraftStatus;
import dev.rapport.inbox.InboxHealth;
import dev.rapport.stats.Stats;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is in effect: the configuration without secrets (a password's source is named, never its
 * value), the inbox watcher's health, and the pacing state.
 */
final class StatusPage {
  private final Handlers h;

  StatusPage(Handlers h) {
    this.h = h;
  }

  public record Row(String key, String value) {}

  public record Section(String title, List<Row> rows) {}

  void show(Context ctx) {
    Config c = h.app.config();
    List<Section> sections = new ArrayList<>();
    sections.add(mail(c));
    sections.add(inbox());
    sections.add(pacing(c));
    sections.add(config(c));
    Map<String, Object> m = Dashboard.model();
    m.put("sections", sections);
    m.put("paused", h.app.pauses().current().map(x -> x.describe(h.zone())).orElse(""));
    h.render(ctx, "status.ftlh", "Status", "status", m);
  }

  /** As {@code pause [--until DATE] [--note T]}: sends and nudges wait. */
  void pause(Context ctx) {
    String until = ctx.formParam("until");
    java.time.LocalDate day = null;
    if (until != null && !until.isBlank()) {
      try {
        day = java.time.LocalDate.parse(until.strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw new dev.rapport.InvalidInputException(
            "Until: \"" + until + "\" is not a date like 2026-12-07.");
      }
    }
    var p = h.app.pauses().pause(day, ctx.formParam("note"));
    h.done(
        ctx,
        Sessions.Flash.ok(
            "Paused ("
                + p.describe(h.zone())
                + "): nothing is sent and no nudge is drafted. Drafts can still be made and approved;"
                + " they wait."),
        "/status");
  }

  /** As {@code resume}: the backlog goes out spread within pacing. */
  void resume(Context ctx) {
    boolean was = h.app.pauses().resume().isPresent();
    h.done(
        ctx,
        Sessions.Flash.ok(
            was
                ? "Resumed. Approved drafts go out spread within pacing; follow-ups move on by the"
                    + " time paused."
                : "Not paused; nothing to resume."),
        "/status");
  }

  private Section mail(Config c) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("You", c.me().name() + " <" + c.me().email() + ">"));
    if (c.sandbox()) {
      rows.add(
          new Row(
              "Mail", "Sandbox: no mail account is configured, so nothing leaves this machine."));
    } else {
      Config.Mail mail = c.mail().orElseThrow();
      rows.add(
          new Row(
              "SMTP",
              mail.smtp().host()
                  + ":"
                  + mail.smtp().port()
                  + " ("
                  + mail.smtp().security().name().toLowerCase(java.util.Locale.ROOT)
                  + "), user "
                  + mail.smtp().username()
                  + signIn(mail.smtp().auth(), mail.smtp().password())));
      rows.add(
          new Row(
              "IMAP",
              mail.imap().host()
                  + ":"
                  + mail.imap().port()
                  + " ("
                  + mail.imap().security().name().toLowerCase(java.util.Locale.ROOT)
                  + "), user "
                  + mail.imap().username()
                  + signIn(mail.imap().auth(), mail.imap().password())
                  + "; folder "
                  + mail.imap().inbox()
                  + ", Sent: "
                  + mail.imap().sent()));
      if (mail.usesOAuth2()) rows.add(new Row("Sign-in", oauth2(mail.oauth2())));
    }
    return new Section("Mail", rows);
  }

  private static String signIn(Config.Auth auth, dev.rapport.config.PasswordSource password) {
    return auth == Config.Auth.OAUTH2 ? ", OAuth2 sign-in" : ", password from " + password;
  }

  /** The sign-in's state without any token: signed in, or what to do. */
  private String oauth2(Config.OAuth2 o) {
    String who = "OAuth2 (" + o.provider() + ", " + o.mechanism() + ")";
    if (o.tokenCommand() != null) return who + ": access tokens from oauth2.token_command";
    return h.app.bearerToken() instanceof dev.rapport.oauth.AccessTokens tokens
        ? who + ": " + tokens.problem().orElse("signed in")
        : who;
  }

  private Section inbox() {
    List<Row> rows = new ArrayList<>();
    Optional<InboxHealth> health = h.inbox.get().map(i -> i.health());
    if (health.isEmpty()) {
      rows.add(new Row("Inbox watcher", "not running in this process"));
      return new Section("Inbox watcher", rows);
    }
    InboxHealth i = health.get();
    rows.add(
        new Row(
            "Last read to the end",
            i.lastSync() == null
                ? "not yet"
                : h.time(OffsetDateTime.ofInstant(i.lastSync(), h.zone()))
                    + " ("
                    + ago(i.lastSync())
                    + ")"));
    rows.add(new Row("Waiting for new mail by", i.mode() == null ? "not connected yet" : i.mode()));
    rows.add(new Row("Caught up", i.caughtUp() ? "yes" : "no: replies may be unread"));
    rows.add(new Row("Last error", i.lastError() == null ? "none" : i.lastError()));
    return new Section("Inbox watcher", rows);
  }

  private Section pacing(Config c) {
    Config.Pacing p = c.pacing();
    ZoneId zone = p.timezone();
    List<Row> rows = new ArrayList<>();
    rows.add(
        new Row(
            "Sending window",
            c.sandbox()
                ? "none in the sandbox: approved drafts go within seconds"
                : p.windowStart()
                    + "–"
                    + p.windowEnd()
                    + (p.weekdaysOnly() ? " on weekdays" : " every day")
                    + " ("
                    + zone
                    + "; in a contact's own time zone when one is set)"));
    OffsetDateTime dayStart =
        h.app.clock().instant().atZone(zone).toLocalDate().atStartOfDay(zone).toOffsetDateTime();
    long today =
        h.app.drafts().list(Optional.of(DraftStatus.SENT)).stream()
            .map(Draft::sentAt)
            .filter(t -> t != null && !t.isBefore(dayStart))
            .count();
    rows.add(
        new Row(
            "Paused",
            h.app
                .pauses()
                .current()
                .map(x -> "yes: " + x.describe(zone) + ". Resume below releases sends and nudges")
                .orElse("no")));
    rows.add(new Row("Sent today", today + " of at most " + p.maxPerDay()));
    long queued =
        h.app.drafts().list(Optional.of(DraftStatus.APPROVED)).size()
            + h.app.drafts().list(Optional.of(DraftStatus.SENDING)).size();
    rows.add(new Row("Approved, waiting to go", String.valueOf(queued)));
    Stats.Pace pace = h.app.stats().pace();
    rows.add(
        new Row(
            "New outreach this week",
            pace.outreachSent()
                + " sent, "
                + pace.outreachQueued()
                + " queued, goal "
                + pace.weeklyGoal()
                + " (since "
                + h.day(pace.weekStart())
                + ")"));
    var schedule = h.app.schedule(() -> true, null);
    List<dev.rapport.schedule.NextAction> plan = schedule.plan();
    rows.add(
        new Row(
            "Scheduled",
            plan.isEmpty()
                ? "nothing: follow-ups, thank-yous and keep-in-touch notes appear as contacts move"
                : plan.size()
                    + " action(s); next: "
                    + plan.get(0).action().description()
                    + " for contact "
                    + plan.get(0).contactId()
                    + ", "
                    + h.time(plan.get(0).at().atOffset(java.time.ZoneOffset.UTC))));
    int failing = schedule.failures().size();
    rows.add(
        new Row(
            "Failed jobs",
            failing == 0
                ? "none"
                : failing + " waiting to be retried ('rapport doctor' names them)"));
    return new Section("Pacing", rows);
  }

  private Section config(Config c) {
    List<Row> rows = new ArrayList<>();
    rows.add(
        new Row(
            "Config file",
            c.source().map(Object::toString).orElse("none (defaults and the sandbox)")));
    rows.add(new Row("Data folder", h.app.data().path().toString()));
    rows.add(new Row("Templates", c.templates().toString()));
    Config.Cadence k = c.cadence();
    rows.add(
        new Row(
            "Cadence",
            "follow up after "
                + span(k.followUpAfter())
                + ", at most "
                + k.maxFollowUps()
                + " nudges; thank within "
                + span(k.thankYouWithin())
                + "; keep in touch every "
                + span(k.keepInTouchMin())
                + "–"
                + span(k.keepInTouchMax())));
    rows.add(new Row("Digest", c.digest().enabled() ? "every day at " + c.digest().at() : "off"));
    rows.add(new Row("Dashboard", "127.0.0.1:" + c.dashboard().port()));
    return new Section("Configuration in effect", rows);
  }

  private String ago(java.time.Instant t) {
    long s = Math.max(0, Duration.between(t, h.app.clock().instant()).toSeconds());
    if (s < 90) return s + " s ago";
    if (s < 90 * 60) return s / 60 + " min ago";
    return s / 3600 + " h ago";
  }

  /** In the config's own short form (4m, 48h, 7d), so a 4-minute trial cadence is not "0 days". */
  private static String span(Duration d) {
    return dev.rapport.config.Durations.format(d);
  }
}
