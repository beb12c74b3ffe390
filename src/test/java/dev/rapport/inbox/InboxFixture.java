package dev.rapport.inbox;

import dev.rapport.contact.ContactService;
import dev.rapport.contact.NewContact;
import dev.rapport.inbox.classify.Classifier;
import dev.rapport.inbox.classify.MessageReader;
import dev.rapport.interview.Invitations;
import dev.rapport.mail.Endpoint;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.LoopbackOnly;
import dev.rapport.store.Sql;
import dev.rapport.testing.Await;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A database with contacts and sent drafts, and inbox watchers on a {@link TestMailServer} (or on
 * another server's mailbox).
 */
final class InboxFixture implements AutoCloseable {
  static {
    LoopbackOnly.configure();
  }

  final Database db;
  final TestMailServer mail;
  Clock clock = Clock.systemUTC();
  InboxSettings settings =
      InboxSettings.defaults()
          .withTimings(
              Duration.ofMinutes(20),
              Duration.ofSeconds(5),
              Duration.ofMillis(100),
              Duration.ofMillis(500));

  private final Supplier<Endpoint> endpoint;
  private final String me;

  InboxFixture(Path dir, TestMailServer mail) {
    this(dir, mail, mail::endpoint, TestMailServer.ME);
  }

  /** Watching another server's mailbox (a private Dovecot), of the user {@code me}. */
  InboxFixture(Path dir, Supplier<Endpoint> endpoint, String me) {
    this(dir, null, endpoint, me);
  }

  private InboxFixture(Path dir, TestMailServer mail, Supplier<Endpoint> endpoint, String me) {
    this.db = DatabaseOpener.open(new DataFolder(dir.resolve("data")));
    this.mail = mail;
    this.endpoint = endpoint;
    this.me = me;
  }

  Inbox inbox() {
    return inbox(endpoint, Set.of(me));
  }

  /** A watcher on another mailbox (through a proxy), as the App builds one. */
  Inbox inbox(Supplier<Endpoint> mailbox, Set<String> own) {
    Clock at = clock;
    int bodyCap = settings.bodyCap();
    return new Inbox(() -> db, () -> handler(db, at, bodyCap), at, mailbox, own, settings);
  }

  /** What the App gives the watcher for each message. */
  static MessageHandler handler(Database db, Clock clock, int bodyCap) {
    ContactService contacts = new ContactService(db, clock);
    MessageReader reader = new MessageReader(bodyCap);
    return new MessageHandler(
        contacts,
        new Invitations(contacts, clock, clock.getZone()),
        reader,
        new Classifier(reader, Classifier.standardRules()),
        clock);
  }

  /** A contact in the given stage. */
  long contact(String name, String email, String stage) {
    long id =
        new ContactService(db, clock)
            .add(new NewContact(name, email, null, null, null, null, null, null, null))
            .id();
    db.transaction(c -> Sql.update(c, "UPDATE contact SET stage = ? WHERE id = ?", stage, id));
    return id;
  }

  /** A sent outreach to the contact with the given Message-ID. */
  long sent(long contactId, String messageId) {
    return draft(contactId, "OUTREACH", "SENT", messageId);
  }

  long draft(long contactId, String kind, String status, String messageId) {
    Instant now = clock.instant();
    return db.transaction(
        c ->
            Sql.insert(
                c,
                "INSERT INTO draft (contact_id, kind, status, to_address, subject, body, message_id, created_at, updated_at, sent_at)"
                    + " SELECT ?, ?, ?, email, 'Hello from Ada', 'Could we talk for 30 minutes?', ?, ?, ?, ? FROM contact WHERE id = ?",
                contactId,
                kind,
                status,
                messageId,
                now,
                now,
                messageId == null ? null : now,
                contactId));
  }

  String stage(long contactId) {
    return db.read(
        c ->
            Sql.one(c, "SELECT stage FROM contact WHERE id = ?", rs -> rs.getString(1), contactId)
                .orElseThrow());
  }

  String draftStatus(long draftId) {
    return db.read(
        c ->
            Sql.one(c, "SELECT status FROM draft WHERE id = ?", rs -> rs.getString(1), draftId)
                .orElseThrow());
  }

  List<String> events(long contactId) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT type FROM event WHERE contact_id = ? AND type NOT IN ('CREATED') ORDER BY id",
                rs -> rs.getString(1),
                contactId));
  }

  List<String> eventDetails(long contactId) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT detail FROM event WHERE contact_id = ? AND type NOT IN ('CREATED') ORDER BY id",
                rs -> rs.getString(1),
                contactId));
  }

  long count(String sql, Object... params) {
    return db.read(c -> Sql.count(c, sql, params));
  }

  LocalDate nudgeNotBefore(long contactId) {
    return db.read(
        c ->
            Sql.one(
                    c,
                    "SELECT nudge_not_before FROM contact WHERE id = ?",
                    rs -> rs.getObject(1, LocalDate.class),
                    contactId)
                .orElse(null));
  }

  /** See {@link Await#until}. */
  static void await(Duration timeout, String what, BooleanSupplier condition) {
    Await.until(timeout, what, condition);
  }

  @Override
  public void close() {
    db.close();
  }
}
