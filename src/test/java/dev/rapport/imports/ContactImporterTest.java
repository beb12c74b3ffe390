package dev.rapport.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.NotFoundException;
import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.Event;
import dev.rapport.contact.EventType;
import dev.rapport.contact.NewContact;
import dev.rapport.hypothesis.HypothesisService;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactImporterTest {
  static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
  static final ImportOptions DEFAULTS = new ImportOptions(4, null, false);

  @TempDir Path dir;
  Database db;
  ContactService contacts;
  HypothesisService hypotheses;
  ContactImporter importer;

  @BeforeEach
  void open() {
    db = DatabaseOpener.open(new DataFolder(dir.resolve("data")));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    contacts = new ContactService(db, clock);
    hypotheses = new HypothesisService(db, clock);
    importer = new ContactImporter(db, clock, contacts, hypotheses);
  }

  @AfterEach
  void close() {
    db.close();
  }

  ParsedFile parsed(String name, String text) throws Exception {
    return new ImportFileReader()
        .read(Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8));
  }

  @Test
  void recordsWhereEachContactCameFrom() throws Exception {
    ImportReport r =
        importer.run(
            parsed(
                "people.csv",
                "name,email,notes\nAda,ada@example.org,met at the meetup\nBob,bob@example.org,\n"),
            DEFAULTS,
            ImportProgress.NONE);
    Contact bob = contacts.get(r.contactIds().get(1));
    assertThat(bob.source()).isEqualTo("import:people.csv");
    assertThat(bob.createdAt().toInstant()).isEqualTo(NOW);
    List<Event> adaEvents = contacts.show(r.contactIds().get(0)).events();
    assertThat(adaEvents)
        .extracting(Event::type, Event::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                EventType.IMPORTED, "imported from people.csv line 2"),
            org.assertj.core.groups.Tuple.tuple(EventType.NOTE, "met at the meetup"));
  }

  ParsedFile people(int count) throws Exception {
    StringBuilder sb = new StringBuilder("name,email\n");
    for (int i = 0; i < count; i++)
      sb.append("Person ").append(i).append(",p").append(i).append("@example.org\n");
    return parsed("many.csv", sb.toString());
  }

  @Test
  void putsEveryGoodRowInOrNoneWhenTheImportFailsHalfway() throws Exception {
    ParsedFile file = people(ContactImporter.BATCH * 2 + 10);
    ImportProgress failsAfterTheFirstBatch =
        (done, total) -> {
          if (done > ContactImporter.BATCH) throw new IllegalStateException("interrupted");
        };
    assertThatThrownBy(() -> importer.run(file, DEFAULTS, failsAfterTheFirstBatch))
        .hasMessage("interrupted");
    assertThat(contacts.list(Optional.empty()))
        .as("the first batches were rolled back with the rest")
        .isEmpty();
    assertThat(importer.run(file, DEFAULTS, ImportProgress.NONE).imported())
        .isEqualTo(ContactImporter.BATCH * 2 + 10);
  }

  @Test
  void insertsManyRowsInBatchesKeepingEachOnesLineAndOrder() throws Exception {
    int count = ContactImporter.BATCH * 2 + 10;
    ImportReport r = importer.run(people(count), DEFAULTS, ImportProgress.NONE);
    assertThat(r.contactIds()).hasSize(count).isSorted();
    List<Contact> all = contacts.list(Optional.empty());
    assertThat(all).extracting(Contact::name).first().isEqualTo("Person 0");
    Contact last = contacts.get(r.contactIds().get(count - 1));
    assertThat(last.name()).isEqualTo("Person " + (count - 1));
    assertThat(last.email()).isEqualTo("p" + (count - 1) + "@example.org");
    assertThat(contacts.show(last.id()).events())
        .extracting(Event::detail)
        .containsExactly("imported from many.csv line " + (count + 1));
  }

  @Test
  void reportsProgressAsContactsGoIn() throws Exception {
    List<String> seen = new ArrayList<>();
    List<Boolean> finished = new ArrayList<>();
    ImportProgress progress =
        new ImportProgress() {
          @Override
          public void advanced(int done, int total) {
            seen.add(done + "/" + total);
          }

          @Override
          public void finished() {
            finished.add(true);
          }
        };
    int count = ContactImporter.BATCH * 2 + 10;
    importer.run(people(count), DEFAULTS, progress);
    assertThat(seen)
        .containsExactly(
            ContactImporter.BATCH + "/" + count,
            2 * ContactImporter.BATCH + "/" + count,
            count + "/" + count);
    assertThat(finished).containsExactly(true);
  }

  @Test
  void dryRunFindsDuplicatesButWritesNothing() throws Exception {
    contacts.add(
        new NewContact("Ada", "ada@example.org", null, null, null, null, null, null, "test"));
    ImportReport r =
        importer.run(
            parsed(
                "p.csv",
                "name,email\nAda,ADA@example.org\nBob,bob@example.org\nBobby,Bob@Example.org\n"),
            new ImportOptions(4, null, true),
            ImportProgress.NONE);
    assertThat(r.dryRun()).isTrue();
    assertThat(r.imported()).isEqualTo(1);
    assertThat(r.contactIds()).isEmpty();
    assertThat(r.skipped())
        .extracting(ImportReport.Skipped::line, ImportReport.Skipped::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "duplicate of contact 1 (ada@example.org)"),
            org.assertj.core.groups.Tuple.tuple(4, "duplicate of line 3"));
    assertThat(contacts.list(Optional.empty())).extracting(Contact::name).containsExactly("Ada");
  }

  @Test
  void refusesAHypothesisThatIsNotThere() throws Exception {
    ParsedFile file = parsed("p.csv", "name,email\nAda,ada@example.org\n");
    assertThatThrownBy(
            () -> importer.run(file, new ImportOptions(4, 3L, false), ImportProgress.NONE))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("there is no hypothesis 3");
    long id = hypotheses.add("product management").id();
    ImportReport r = importer.run(file, new ImportOptions(2, id, false), ImportProgress.NONE);
    Contact ada = contacts.get(r.contactIds().get(0));
    assertThat(ada.hypothesisId()).isEqualTo(id);
    assertThat(ada.tier()).isEqualTo(2);
  }

  @Test
  void marksRowsWhoseOnlyFaultIsAMissingAddress() throws Exception {
    ImportReport r =
        importer.run(
            parsed("p.csv", "name,email,tier\nAda,,\nBob,,9\n,,1\n,,\n"),
            DEFAULTS,
            ImportProgress.NONE);
    assertThat(r.rejected())
        .extracting(
            ImportReport.Rejected::line,
            ImportReport.Rejected::noEmailOnly,
            ImportReport.Rejected::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, true, "email: an email address is required"),
            org.assertj.core.groups.Tuple.tuple(
                3, false, "tier: expected 1 (closest) to 4 (acquaintances), but found 9"),
            org.assertj.core.groups.Tuple.tuple(4, false, "name: a name is required"));
  }

  @Test
  void cutsALongFileNameToFitTheSourceColumn() {
    assertThat(ContactImporter.source("x".repeat(300) + ".csv"))
        .hasSize(200)
        .startsWith("import:xxx")
        .endsWith("…");
    assertThat(ContactImporter.source("Connections.csv")).isEqualTo("import:Connections.csv");
  }
}
