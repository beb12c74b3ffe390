package dev.rapport.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
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

class ContactServiceTest {
  @TempDir Path dir;
  Database db;
  ContactService contacts;

  @BeforeEach
  void open() {
    db = DatabaseOpener.open(new DataFolder(dir));
    contacts =
        new ContactService(db, Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Contact ada() {
    return contacts.add(
        new NewContact("Ada", "ada@example.org", null, null, 1, null, null, null, "test"));
  }

  @Test
  void theListsLinesSayWhatTheWholeContactsSay() {
    ada();
    contacts.add(
        new NewContact(
            "Bo",
            null,
            "Acme",
            "CTO",
            3,
            null,
            null,
            null,
            "test",
            Level.SENIOR,
            false,
            null,
            Channel.LINKEDIN,
            "https://www.linkedin.com/in/bo",
            null,
            null));
    Contact cy =
        contacts.add(
            new NewContact("Cy", "cy@example.org", "Initech", null, 2, null, null, null, "test"));
    contacts.moveManually(cy.id(), Stage.CONTACTED, "wrote by hand");
    for (Optional<Stage> stage :
        List.of(Optional.<Stage>empty(), Optional.of(Stage.NEW), Optional.of(Stage.CONTACTED))) {
      List<ContactRow> expected =
          contacts.list(stage).stream()
              .map(
                  c ->
                      new ContactRow(
                          c.id(),
                          c.name(),
                          c.email(),
                          c.company(),
                          c.tier(),
                          c.stage(),
                          c.channel()))
              .toList();
      assertThat(contacts.rows(stage)).as("%s", stage).isEqualTo(expected);
    }
    assertThat(contacts.rows(Optional.empty()))
        .extracting(ContactRow::channel)
        .containsExactly(Channel.EMAIL, Channel.LINKEDIN, Channel.EMAIL);
    assertThat(contacts.rows(Optional.of(Stage.CONTACTED)))
        .extracting(ContactRow::name)
        .containsExactly("Cy");
  }

  @Test
  void nudgesAreCountedAndEveryMoveIsAnEvent() {
    long id = ada().id();
    db.transaction(c -> contacts.apply(c, id, Trigger.OUTREACH_SENT, "outreach", Link.draft(7)));
    db.transaction(c -> contacts.apply(c, id, Trigger.NUDGE_SENT, "first nudge", Link.draft(8)));
    db.transaction(c -> contacts.apply(c, id, Trigger.NUDGE_SENT, "second nudge", Link.draft(9)));
    ContactDetails d = contacts.show(id);
    assertThat(d.contact().stage()).isEqualTo(Stage.FOLLOWED_UP);
    assertThat(d.contact().followUps()).isEqualTo(2);
    assertThat(d.events()).filteredOn(e -> e.type() == EventType.STAGE).hasSize(3);
    Event last = d.events().get(d.events().size() - 1);
    assertThat(last.detail()).isEqualTo("FOLLOWED_UP → FOLLOWED_UP (NUDGE_SENT): second nudge");
    assertThat(last.linkType()).isEqualTo("draft");
    assertThat(last.linkId()).isEqualTo(9L);
  }

  @Test
  void aTriggerThatDoesNotApplyChangesNothing() {
    long id = ada().id();
    var result =
        db.transaction(c -> contacts.apply(c, id, Trigger.HUMAN_REPLY, "reply", Link.draft(1)));
    assertThat(result).isEmpty();
    assertThat(contacts.get(id).stage()).isEqualTo(Stage.NEW);
    assertThat(contacts.show(id).events()).noneMatch(e -> e.type() == EventType.STAGE);
  }

  @Test
  void aFailedTransactionLeavesNoTrace() {
    long id = ada().id();
    try {
      db.transaction(
          c -> {
            contacts.apply(c, id, Trigger.OUTREACH_SENT, "outreach", Link.draft(1));
            throw new IllegalStateException("the send failed");
          });
    } catch (IllegalStateException expected) {
      // the move above must be rolled back
    }
    assertThat(contacts.get(id).stage()).isEqualTo(Stage.NEW);
    assertThat(contacts.show(id).events()).hasSize(1);
  }
}
