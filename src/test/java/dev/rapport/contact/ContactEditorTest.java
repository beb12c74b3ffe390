package dev.rapport.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.InvalidInputException;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contact side of an edit asks the drafts to follow, and says on the timeline that they did.
 */
class ContactEditorTest {
  @TempDir Path dir;
  Database db;
  ContactService contacts;
  final List<String> asked = new ArrayList<>();
  int waiting = 2;

  /** Drafts that answer how many of them changed, and remember what they were asked. */
  final UnsentDrafts drafts =
      new UnsentDrafts() {
        @Override
        public int rename(Connection c, long contactId, String name) {
          asked.add("rename " + contactId + " " + name);
          return waiting;
        }

        @Override
        public int readdress(Connection c, long contactId, String email) {
          asked.add("readdress " + contactId + " " + email);
          return waiting;
        }
      };

  ContactEditor editor;

  @BeforeEach
  void open() {
    db = DatabaseOpener.open(new DataFolder(dir));
    contacts =
        new ContactService(db, Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
    editor = new ContactEditor(db, contacts, drafts);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long ada() {
    return contacts
        .add(new NewContact("Ada", "ada@example.org", null, null, 1, null, null, null, "test"))
        .id();
  }

  private static ContactChanges email(String email) {
    return new ContactChanges(null, email, null, null, null, null, false, null, false);
  }

  private static ContactChanges name(String name) {
    return new ContactChanges(name, null, null, null, null, null, false, null, false);
  }

  @Test
  void aNewAddressTakesTheWaitingDraftsAlong() {
    long id = ada();
    ContactEdit e = editor.edit(id, email("ada@example.net"), Link.command("test"), false);
    assertThat(e.readdressed()).isEqualTo(2);
    assertThat(e.edited().after().email()).isEqualTo("ada@example.net");
    assertThat(asked).containsExactly("readdress " + id + " ada@example.net");
    assertThat(contacts.show(id).events())
        .extracting(Event::detail)
        .contains(
            "2 draft(s) not yet sent now go to ada@example.net; any that was approved waits for"
                + " your review again");
  }

  @Test
  void aNewNameRenamesThemWithoutReaddressing() {
    long id = ada();
    ContactEdit e = editor.edit(id, name("Ada King"), Link.command("test"), false);
    assertThat(e.readdressed()).isZero();
    assertThat(asked).containsExactly("rename " + id + " Ada King");
  }

  @Test
  void nothingWaitingLeavesNoDraftEvent() {
    waiting = 0;
    long id = ada();
    editor.edit(id, email("ada@example.net"), Link.command("test"), false);
    assertThat(contacts.show(id).events())
        .extracting(Event::detail)
        .noneMatch(d -> d.contains("draft(s)"));
  }

  @Test
  void resetIsRefusedForAContactThatDidNotBounceAndChangesNothing() {
    long id = ada();
    assertThatThrownBy(() -> editor.edit(id, email("ada@example.net"), Link.command("test"), true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not BOUNCED");
    assertThat(contacts.get(id).email()).isEqualTo("ada@example.org");
    assertThat(asked).isEmpty();
  }

  @Test
  void resetStartsABouncedContactOverAtTheCorrectedAddress() {
    long id = ada();
    db.transaction(c -> contacts.apply(c, id, Trigger.OUTREACH_SENT, "sent", Link.draft(1)));
    db.transaction(c -> contacts.apply(c, id, Trigger.HARD_BOUNCE, "bounced", Link.draft(1)));
    assertThatThrownBy(() -> editor.edit(id, email("ADA@example.org"), Link.command("test"), true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("give the corrected address");
    editor.edit(id, email("ada@example.net"), Link.command("test"), true);
    assertThat(contacts.get(id).stage()).isEqualTo(Stage.NEW);
  }
}
