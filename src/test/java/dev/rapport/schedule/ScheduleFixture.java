package dev.rapport.schedule;

import dev.rapport.config.Config;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.Link;
import dev.rapport.contact.NewContact;
import dev.rapport.contact.Stage;
import dev.rapport.contact.Trigger;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftService;
import dev.rapport.draft.DraftTemplates;
import dev.rapport.draft.NudgeCancellation;
import dev.rapport.hypothesis.HypothesisService;
import dev.rapport.outbox.SelfMail;
import dev.rapport.question.QuestionService;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.DatabaseServer;
import dev.rapport.store.LoopbackOnly;
import dev.rapport.store.Sql;
import dev.rapport.template.DefaultTemplates;
import dev.rapport.template.TemplateEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real H2 database with contacts in every stage the scheduler cares about, a clock the test
 * moves, and the mail the scheduler reacts to written as the outbox and the inbox watcher write it.
 */
final class ScheduleFixture implements AutoCloseable {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Config.Me ME = new Config.Me("Zoë Ström", "zoe@example.org", "Zoë", "");
  private static final AtomicInteger ids = new AtomicInteger();

  final Path templates;
  final DataFolder folder;
  final Database db;
  private DatabaseServer server;
  final TestClock clock;
  final ContactService contacts;
  Config config;
  boolean inboxRead = true;

  /** How many people 'rapport next' would suggest, as the digest asks. */
  java.util.function.IntSupplier suggestions = () -> 0;

  ScheduleFixture(Path dir, Instant start) {
    templates = DefaultTemplates.copyTo(dir.resolve("templates"));
    folder = new DataFolder(dir.resolve("data"));
    db = DatabaseOpener.open(folder);
    clock = new TestClock(start);
    contacts = new ContactService(db, clock);
    config = config(Duration.ofDays(7), 2);
  }

  Config config(Duration followUpAfter, int maxFollowUps) {
    return new Config(
        ME,
        Optional.empty(),
        new Config.Cadence(
            followUpAfter,
            maxFollowUps,
            Duration.ofHours(48),
            Duration.ofDays(90),
            Duration.ofDays(180)),
        new Config.Pacing(20, LocalTime.of(9, 0), LocalTime.of(17, 30), true, BERLIN, 5),
        new Config.Digest(true, LocalTime.of(8, 0)),
        templates,
        new Config.Dashboard(7077),
        Optional.empty());
  }

  DraftService drafts() {
    return new DraftService(
        db,
        contacts,
        new HypothesisService(db, clock),
        new DraftTemplates(new TemplateEngine(templates), ME),
        clock);
  }

  ScheduleService service() {
    return service(null);
  }

  ScheduleService service(Supplier<SelfMail> mail) {
    DigestService digest =
        mail == null ? null : new DigestService(db, config, prep(), mail, clock, suggestions);
    return new ScheduleService(
        db, contacts, this::drafts, prep(), config, clock, () -> inboxRead, digest);
  }

  InterviewPrep prep() {
    return new InterviewPrep(config, new QuestionService(db, clock));
  }

  static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  long contact(String name, String email) {
    return contacts.add(new NewContact(name, email, null, null, 2, null, null, null, "test")).id();
  }

  /** An outreach the outbox sent now: SENT draft, contact CONTACTED. */
  long sentOutreach(long contactId) {
    long id = insertDraft(contactId, DraftKind.OUTREACH, "SENT");
    db.transaction(
        c -> contacts.apply(c, contactId, Trigger.OUTREACH_SENT, "sent", Link.draft(id)));
    return id;
  }

  /** The user approved a scheduled draft and the outbox sent it now, with its stage trigger. */
  void send(long draftId) {
    Instant now = clock.instant();
    db.transaction(
        c -> {
          Sql.update(
              c,
              "UPDATE draft SET status = 'SENT', sent_at = ?, message_id = ?, updated_at = ? WHERE id = ?",
              now,
              "<d" + draftId + "@example.org>",
              now,
              draftId);
          long contactId =
              Sql.one(c, "SELECT contact_id FROM draft WHERE id = ?", rs -> rs.getLong(1), draftId)
                  .orElseThrow();
          DraftKind kind =
              DraftKind.valueOf(
                  Sql.one(c, "SELECT kind FROM draft WHERE id = ?", rs -> rs.getString(1), draftId)
                      .orElseThrow());
          Trigger t =
              switch (kind) {
                case FOLLOW_UP -> Trigger.NUDGE_SENT;
                case THANK_YOU -> Trigger.THANK_YOU_SENT;
                case KEEP_IN_TOUCH -> Trigger.KEEP_IN_TOUCH_SENT;
                default -> Trigger.OUTREACH_SENT;
              };
          contacts.apply(c, contactId, t, "sent", Link.draft(draftId));
          return null;
        });
  }

  void reject(long draftId) {
    drafts().reject(draftId);
  }

  /** A human reply read by the inbox watcher now: stage, nudges cancelled. */
  void reply(long contactId) {
    Instant now = clock.instant();
    db.transaction(
        c -> {
          long row = incoming(c, contactId, "HUMAN_REPLY");
          contacts.apply(c, contactId, Trigger.HUMAN_REPLY, "reply", new Link("message", row));
          new NudgeCancellation()
              .cancelAndRecord(c, contacts, contactId, "", "the contact replied", now);
          return null;
        });
  }

  /** An auto-reply read now, with the return date it gave (or none). */
  void autoReply(long contactId, LocalDate back) {
    db.transaction(
        c -> {
          incoming(c, contactId, "AUTO_REPLY");
          if (back != null)
            Sql.update(c, "UPDATE contact SET nudge_not_before = ? WHERE id = ?", back, contactId);
          return null;
        });
  }

  /** The interview was marked done now. */
  void interviewed(long contactId) {
    db.transaction(
        c ->
            contacts.apply(
                c, contactId, Trigger.INTERVIEW_DONE, "done", Link.command("interviews done")));
  }

  /** An interview booked now for {@code startsAt}, as {@code interviews schedule} books it. */
  long scheduledInterview(long contactId, Instant startsAt, String place) {
    Instant now = clock.instant();
    return db.transaction(
        c ->
            Sql.insert(
                c,
                "INSERT INTO interview (contact_id, status, starts_at, zone, minutes, place, source, created_at, updated_at)"
                    + " VALUES (?, 'SCHEDULED', ?, 'Europe/Berlin', 45, ?, 'COMMAND', ?, ?)",
                contactId,
                startsAt,
                place,
                now,
                now));
  }

  /**
   * Notes recorded now on an interview held with {@code interviewee}, recommending {@code
   * referred}, as {@code interviews notes} records them.
   */
  long referral(long interviewee, long referred, boolean introductionOffered) {
    Instant now = clock.instant();
    return db.transaction(
        c -> {
          long interview =
              Sql.insert(
                  c,
                  "INSERT INTO interview (contact_id, status, starts_at, zone, minutes, source, created_at, updated_at, done_at)"
                      + " VALUES (?, 'DONE', ?, 'Europe/Berlin', 30, 'COMMAND', ?, ?, ?)",
                  interviewee,
                  now.minus(Duration.ofHours(1)),
                  now,
                  now,
                  now);
          return Sql.insert(
              c,
              "INSERT INTO referral (interview_id, contact_id, context, introduction_offered, created_contact, created_at)"
                  + " VALUES (?, ?, 'runs the data team', ?, TRUE, ?)",
              interview,
              referred,
              introductionOffered,
              now);
        });
  }

  /** The contact's timeline events of one type, their details oldest first. */
  List<String> events(long contactId, String type) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT detail FROM event WHERE contact_id = ? AND type = ? ORDER BY at, id",
                rs -> rs.getString(1),
                contactId,
                type));
  }

  String body(long draftId) {
    return db.read(
        c ->
            Sql.one(c, "SELECT body FROM draft WHERE id = ?", rs -> rs.getString(1), draftId)
                .orElseThrow());
  }

  private long incoming(java.sql.Connection c, long contactId, String kind) {
    return Sql.insert(
        c,
        "INSERT INTO inbox_message (message_key, folder, uid_validity, uid, contact_id, kind, processed_at)"
            + " VALUES (?, 'INBOX', 1, ?, ?, ?, ?)",
        "<in" + ids.incrementAndGet() + "@example.net>",
        ids.get(),
        contactId,
        kind,
        clock.instant());
  }

  long insertDraft(long contactId, DraftKind kind, String status) {
    Instant now = clock.instant();
    return db.transaction(
        c ->
            Sql.insert(
                c,
                "INSERT INTO draft (contact_id, kind, status, to_address, subject, body, message_id, created_at, updated_at, sent_at)"
                    + " SELECT ?, ?, ?, email, 'Hello', 'Could we talk?', ?, ?, ?, ? FROM contact WHERE id = ?",
                contactId,
                kind,
                status,
                "<o" + ids.incrementAndGet() + "@example.org>",
                now,
                now,
                status.equals("SENT") ? now : null,
                contactId));
  }

  /** The contact's drafts of a kind, as "id STATUS", oldest first. */
  List<Long> drafts(long contactId, DraftKind kind) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT id FROM draft WHERE contact_id = ? AND kind = ? ORDER BY id",
                rs -> rs.getLong(1),
                contactId,
                kind));
  }

  String status(long draftId) {
    return db.read(
        c ->
            Sql.one(c, "SELECT status FROM draft WHERE id = ?", rs -> rs.getString(1), draftId)
                .orElseThrow());
  }

  String reason(long draftId) {
    return db.read(
        c ->
            Sql.one(c, "SELECT reason FROM draft WHERE id = ?", rs -> rs.getString(1), draftId)
                .orElseThrow());
  }

  Stage stage(long contactId) {
    return contacts.get(contactId).stage();
  }

  long count(String sql, Object... params) {
    return db.read(c -> Sql.count(c, sql, params));
  }

  /**
   * The database as the daemon gives it to Quartz: through its loopback server, so that Quartz's
   * interrupts at shutdown never reach H2's file I/O.
   */
  Supplier<Database> overServer() {
    if (server == null) {
      LoopbackOnly.configure();
      server = DatabaseServer.start(folder);
    }
    return () -> DatabaseOpener.open(folder);
  }

  @Override
  public void close() {
    if (server != null) server.close();
    db.close();
  }
}
