package dev.rapport.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactServiceInsertAllTest {
  static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
  @TempDir Path dir;
  Database db;
  ContactService service;

  @BeforeEach
  void open() {
    db = DatabaseOpener.open(new DataFolder(dir));
    service = new ContactService(db, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static NewContact contact(String name, String email, String note) {
    return new NewContact(name, email, null, null, 4, null, null, note, "test").validated();
  }

  @Test
  void insertsInOrderWithFirstEventsAndNotes() {
    List<Long> ids =
        db.transaction(
            c ->
                service.insertAll(
                    c,
                    List.of(
                        contact("Ada", "ada@example.org", "met at the meetup"),
                        contact("Bob", "Bob@Example.org", null)),
                    NOW,
                    EventType.IMPORTED,
                    List.of("from line 2", "from line 3")));
    assertThat(service.get(ids.get(0)).name()).isEqualTo("Ada");
    assertThat(service.get(ids.get(1)).email()).isEqualTo("Bob@Example.org");
    assertThat(service.show(ids.get(0)).events())
        .extracting(Event::type, Event::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(EventType.IMPORTED, "from line 2"),
            org.assertj.core.groups.Tuple.tuple(EventType.NOTE, "met at the meetup"));
    assertThat(service.show(ids.get(1)).events())
        .extracting(Event::detail)
        .containsExactly("from line 3");
  }

  @Test
  void failsTheWholeBatchOnAnAddressAlreadyTakenWhateverItsCase() {
    service.add(contact("Ada", "ada@example.org", null));
    assertThatThrownBy(
            () ->
                db.transaction(
                    c ->
                        service.insertAll(
                            c,
                            List.of(
                                contact("Bob", "bob@example.org", null),
                                contact("Ada again", "ADA@example.org", null)),
                            NOW,
                            EventType.IMPORTED,
                            List.of("a", "b"))))
        .isInstanceOf(StoreException.class);
    assertThat(service.list(Optional.empty())).extracting(Contact::name).containsExactly("Ada");
  }
}
