package dev.rapport.draft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.Channel;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.NewContact;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.Sql;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftLifecycleTest {
  @TempDir Path dir;
  Database db;
  ContactService contacts;
  DraftLifecycle lifecycle;
  final DraftStore store = new DraftStore();
  final Instant now = Instant.parse("2026-11-23T10:00:00Z");
  long contact;

  @BeforeEach
  void setUp() {
    db = DatabaseOpener.open(new DataFolder(dir.resolve("data")));
    contacts = new ContactService(db, Clock.systemUTC());
    lifecycle = new DraftLifecycle(contacts);
    contact =
        contacts
            .add(new NewContact("Ada", "ada@example.net", null, null, 1, null, null, null, "test"))
            .id();
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  long draft() {
    return db.transaction(
        c ->
            store.insert(
                c,
                contact,
                DraftKind.OUTREACH,
                new DraftContent("ada@example.net", "Hello", "text"),
                null,
                new DraftThreads.Headers("Hello", null, null),
                null,
                null,
                now,
                Channel.EMAIL));
  }

  /** One transaction's answer, as a plain boolean. */
  boolean tx(Database.Work<Boolean> work) {
    return db.transaction(work);
  }

  Draft read(long id) {
    return db.read(c -> store.find(c, id)).orElseThrow();
  }

  long events(EventType type) {
    return contacts.show(contact).events().stream().filter(e -> e.type() == type).count();
  }

  @Test
  void aDraftGoesFromApprovalThroughSendingToSentWithItsEvents() {
    long id = draft();
    assertThat(tx(c -> lifecycle.approve(c, read(id), now))).isTrue();
    assertThat(tx(c -> lifecycle.claim(c, read(id), "<m@x>", now, 1))).isTrue();
    assertThat(read(id).status()).isEqualTo(DraftStatus.SENDING);
    assertThat(tx(c -> lifecycle.sent(c, read(id), now, "COPIED", "sent", "", now))).isTrue();
    assertThat(read(id).status()).isEqualTo(DraftStatus.SENT);
    assertThat(events(EventType.DRAFT_APPROVED)).isEqualTo(1);
    assertThat(events(EventType.DRAFT_SENT)).isEqualTo(1);
  }

  @Test
  void aStaleWriterChangesNothingAndRecordsNothing() {
    long id = draft();
    Draft pending = read(id);
    db.transaction(c -> lifecycle.reject(c, pending, now));
    // another writer still holding the PENDING draft it read
    assertThat(tx(c -> lifecycle.approve(c, pending, now))).isFalse();
    assertThat(tx(c -> lifecycle.claim(c, pending, "<m@x>", now, 1))).isFalse();
    assertThat(tx(c -> lifecycle.fail(c, pending, "no", now))).isFalse();
    assertThat(read(id).status()).isEqualTo(DraftStatus.REJECTED);
    assertThat(events(EventType.DRAFT_APPROVED)).isZero();
    assertThat(events(EventType.DRAFT_FAILED)).isZero();
  }

  @Test
  void aClaimLosesToAnEditMadeAfterTheDraftWasRead() {
    long id = draft();
    db.transaction(c -> lifecycle.approve(c, read(id), now));
    Draft seen = read(id);
    db.transaction(
        c -> Sql.update(c, "UPDATE draft SET updated_at = ? WHERE id = ?", now.plusSeconds(1), id));
    assertThat(tx(c -> lifecycle.claim(c, seen, "<m@x>", now, 1))).isFalse();
    assertThat(read(id).status()).isEqualTo(DraftStatus.APPROVED);
  }

  @Test
  void anUncertainDraftIsResentOnlyByTheUsersDecision() {
    long id = draft();
    db.transaction(c -> lifecycle.approve(c, read(id), now));
    db.transaction(c -> lifecycle.claim(c, read(id), "<m@x>", now, 1));
    assertThat(tx(c -> lifecycle.uncertain(c, read(id), "cut off", now))).isTrue();
    assertThat(events(EventType.DRAFT_UNCERTAIN)).isEqualTo(1);
    // the outbox's own moves no longer apply to it
    assertThat(tx(c -> lifecycle.release(c, id, "down", now))).isFalse();
    assertThat(tx(c -> lifecycle.resend(c, id, now))).isTrue();
    assertThat(read(id).status()).isEqualTo(DraftStatus.APPROVED);
    assertThat(read(id).messageId()).isEqualTo("<m@x>");
  }
}
