package dev.rapport.outbox;

import dev.rapport.config.Config;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.Event;
import dev.rapport.contact.EventType;
import dev.rapport.contact.NewContact;
import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftKind;
import dev.rapport.draft.DraftStatus;
import dev.rapport.draft.DraftThreads;
import dev.rapport.mail.MailAccounts;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.Sql;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A database with contacts and approved drafts, a movable clock, and mail routes to test servers.
 */
final class OutboxFixture implements AutoCloseable {
  static final Config.Me ME = new Config.Me("Zoë Ström", "zoe@example.org", "Zoë", "");
  static final String PASSWORD = "s3cret-Pa55";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  final Database db;
  final ContactService contacts;
  final MutableClock clock;

  OutboxFixture(Path dir, Instant start) {
    db = DatabaseOpener.open(new DataFolder(dir.resolve("data")));
    clock = new MutableClock(start);
    contacts = new ContactService(db, clock);
  }

  OutboxService service(SendWindow window) {
    return service(window, CrashPoints.none());
  }

  OutboxService service(SendWindow window, CrashPoints crash) {
    return new OutboxService(db, contacts, ME, window, clock, crash);
  }

  static SendWindow always() {
    return SendWindow.unlimited(BERLIN);
  }

  static SendWindow office(int maxPerDay) {
    return new SendWindow(maxPerDay, LocalTime.of(9, 0), LocalTime.of(17, 30), true, BERLIN);
  }

  /**
   * Sending to {@code smtpPort} and filing copies through {@code imapPort}, both plain on
   * 127.0.0.1.
   */
  static OutboxMail mail(int smtpPort, int imapPort, SentPolicy sent) {
    return new OutboxMail(
        MailAccounts.sandbox(smtpPort, ME.email(), () -> PASSWORD),
        MailAccounts.sandbox(imapPort, ME.email(), () -> PASSWORD),
        sent,
        null);
  }

  long contact(String name, String email) {
    return contacts.add(new NewContact(name, email, null, null, 2, null, null, null, "test")).id();
  }

  /**
   * A draft of {@code kind} as drafting makes it (its thread decided now, as {@link DraftThreads}
   * decides it for {@code subject}), then approved.
   */
  long approved(long contactId, DraftKind kind, String subject, String body) {
    Instant now = clock.instant();
    return db.transaction(
        c -> {
          String[] contact =
              Sql.one(
                      c,
                      "SELECT email, name FROM contact WHERE id = ?",
                      rs -> new String[] {rs.getString(1), rs.getString(2)},
                      contactId)
                  .orElseThrow();
          DraftThreads.Headers h = DraftThreads.forNew(c, contactId, kind, subject);
          return Sql.insert(
              c,
              "INSERT INTO draft (contact_id, kind, status, to_address, to_name, subject, drafted_subject, body,"
                  + " in_reply_to, references_ids, template, reason, created_at, updated_at, approved_at)"
                  + " VALUES (?, ?, 'APPROVED', ?, ?, ?, ?, ?, ?, ?, 'test.ftl', 'test', ?, ?, ?)",
              contactId,
              kind,
              contact[0],
              contact[1],
              h.subject(),
              h.subject(),
              body,
              h.inReplyTo(),
              h.references(),
              now,
              now,
              now);
        });
  }

  DraftStatus status(long draftId) {
    return DraftStatus.valueOf(column(draftId, "status").toString());
  }

  Object column(long draftId, String column) {
    return db.read(
        c ->
            Sql.one(
                    c,
                    "SELECT " + column + " FROM draft WHERE id = ?",
                    rs -> rs.getObject(1),
                    draftId)
                .orElseThrow());
  }

  String messageId(long draftId) {
    return (String) column(draftId, "message_id");
  }

  void set(long draftId, String assignments, Object... params) {
    Object[] all = new Object[params.length + 1];
    System.arraycopy(params, 0, all, 0, params.length);
    all[params.length] = draftId;
    db.transaction(c -> Sql.update(c, "UPDATE draft SET " + assignments + " WHERE id = ?", all));
  }

  Stage stage(long contactId) {
    return contacts.get(contactId).stage();
  }

  List<Event> events(long contactId, EventType type) {
    return contacts.show(contactId).events().stream().filter(e -> e.type() == type).toList();
  }

  /**
   * The messages in a folder of the user's mailbox on an IMAP server at {@code imapPort}, with
   * their headers.
   */
  static List<Map<String, String>> folder(int imapPort, String name) throws MessagingException {
    Properties p = new Properties();
    p.put("mail.imap.host", "127.0.0.1");
    p.put("mail.imap.port", String.valueOf(imapPort));
    p.put("mail.imap.timeout", "10000");
    Store store = Session.getInstance(p).getStore("imap");
    store.connect("127.0.0.1", imapPort, ME.email(), PASSWORD);
    try {
      Folder f = store.getFolder(name);
      if (!f.exists()) return List.of();
      f.open(Folder.READ_ONLY);
      List<Map<String, String>> out = new ArrayList<>();
      for (Message m : f.getMessages()) {
        out.add(
            Map.of(
                "Message-ID",
                m.getHeader("Message-ID")[0],
                "Subject",
                m.getSubject(),
                "Seen",
                String.valueOf(m.isSet(jakarta.mail.Flags.Flag.SEEN))));
      }
      f.close(false);
      return out;
    } finally {
      store.close();
    }
  }

  static Instant berlin(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  static OffsetDateTime utc(Object t) {
    return (OffsetDateTime) t;
  }

  @Override
  public void close() {
    db.close();
  }
}
