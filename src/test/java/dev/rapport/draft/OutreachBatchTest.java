package dev.rapport.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.RapportException;
import dev.rapport.config.Config;
import dev.rapport.contact.Contact;
import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.NewContact;
import dev.rapport.hypothesis.HypothesisService;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.Sql;
import dev.rapport.template.DefaultTemplates;
import dev.rapport.template.TemplateEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outreach for many contacts in a few transactions: each contact still handled on its own (a
 * failure skips and names that one, leaving nothing of it), outcomes reported in order once
 * committed, the same rows as drafting one by one, and a run killed mid-chunk rerun without a
 * second draft for anyone. Real H2 files.
 */
class OutreachBatchTest {
  static final Config.Me ME = new Config.Me("Sam Rivera", "sam@example.org", "Sam", "");

  @TempDir Path dir;
  final List<Database> opened = new ArrayList<>();

  /** One data folder with its services; templates shared by every folder of a test. */
  final class Folder {
    final Database db;
    final ContactService contacts;
    final DraftService drafts;

    Folder(String name) {
      db = DatabaseOpener.open(new DataFolder(dir.resolve(name)));
      opened.add(db);
      Clock clock = Clock.systemUTC();
      contacts = new ContactService(db, clock);
      drafts =
          new DraftService(
              db,
              contacts,
              new HypothesisService(db, clock),
              new DraftTemplates(new TemplateEngine(templates()), ME),
              clock);
    }

    long add(String name, int tier) {
      String email = name.toLowerCase().replace(' ', '.') + "@example.org";
      Contact c =
          contacts.add(new NewContact(name, email, null, null, tier, null, null, null, "test"));
      return c.id();
    }

    List<OutreachBatch.Outcome> batch(List<Long> ids) {
      List<OutreachBatch.Outcome> outcomes = new ArrayList<>();
      drafts.outreach(ids, false, outcomes::add);
      return outcomes;
    }

    /** The drafts as rows, without their times: contact, kind, status, to, subject, body, … */
    List<List<Object>> draftRows() {
      return db.read(
          c ->
              Sql.list(
                  c,
                  "SELECT id, contact_id, kind, status, to_address, to_name, subject, drafted_subject,"
                      + " body, in_reply_to, references_ids, template, reason, channel FROM draft ORDER BY id",
                  rs -> {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= 14; i++) row.add(rs.getString(i));
                    return row;
                  }));
    }

    /** The events as rows, without their times. */
    List<List<Object>> eventRows() {
      return db.read(
          c ->
              Sql.list(
                  c,
                  "SELECT id, contact_id, type, detail, link_type, link_id FROM event ORDER BY id",
                  rs -> {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= 6; i++) row.add(rs.getString(i));
                    return row;
                  }));
    }

    long draftsOf(long contactId) {
      return db.read(
          c -> Sql.count(c, "SELECT COUNT(*) FROM draft WHERE contact_id = ?", contactId));
    }

    long createdEventsOf(long contactId) {
      return db.read(
          c ->
              Sql.count(
                  c,
                  "SELECT COUNT(*) FROM event WHERE contact_id = ? AND type = ?",
                  contactId,
                  EventType.DRAFT_CREATED));
    }
  }

  Path templates;

  /** What the process dying looks like from inside: nothing after it runs. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  Path templates() {
    if (templates == null) templates = DefaultTemplates.copyTo(dir.resolve("templates"));
    return templates;
  }

  @AfterEach
  void close() {
    opened.forEach(Database::close);
  }

  /** Tier 4 contacts get outreach-tier4.ftl, which names a value no contact has. */
  void breakTierFour() throws IOException {
    Files.writeString(
        templates().resolve("outreach-tier4.ftl"), "Subject: Hi\n\nAt ${contact.company}\n");
  }

  @Test
  void aContactWhoseTemplateFailsIsNamedAndTheOthersAreDrafted() throws IOException {
    breakTierFour();
    Folder f = new Folder("data");
    long ada = f.add("Ada Lovelace", 1);
    long bob = f.add("Bob Kahn", 4);
    long cy = f.add("Cy Young", 1);

    List<OutreachBatch.Outcome> outcomes = f.batch(List.of(ada, bob, cy));

    assertThat(outcomes).extracting(OutreachBatch.Outcome::contactId).containsExactly(ada, bob, cy);
    assertThat(outcomes)
        .extracting(OutreachBatch.Outcome::drafted)
        .containsExactly(true, false, true);
    assertThat(outcomes.get(1).failure())
        .hasMessage(
            "No draft for contact "
                + bob
                + " (Bob Kahn): "
                + templates.resolve("outreach-tier4.ftl")
                + " line 3: contact.company is missing; give it a value or write ${contact.company!\"\"} in the template");
    assertThat(outcomes.get(0).draft().contactId()).isEqualTo(ada);
    assertThat(outcomes.get(2).draft().id()).isEqualTo(outcomes.get(0).draft().id() + 1);
    assertThat(f.draftsOf(bob)).isZero();
    assertThat(f.createdEventsOf(bob)).isZero();
    assertThat(f.createdEventsOf(ada)).isOne();
    assertThat(f.createdEventsOf(cy)).isOne();
  }

  @Test
  void writesTheSameRowsAsDraftingOneByOne() throws IOException {
    breakTierFour();
    Folder one = new Folder("one-by-one");
    Folder batch = new Folder("batch");
    List<Long> ids = new ArrayList<>();
    for (Folder f : List.of(one, batch)) {
      ids.clear();
      for (int i = 0; i < 7; i++) ids.add(f.add("Person " + i, i == 3 ? 4 : 1 + i % 3));
      ids.add(ids.get(1)); // the same contact twice: refused the second time
      ids.add(999L); // no such contact
    }
    List<String> oneByOne = new ArrayList<>();
    for (long id : ids) {
      try {
        oneByOne.add("drafted " + one.drafts.outreach(id, false).id());
      } catch (RapportException e) {
        oneByOne.add(e.getMessage());
      }
    }

    List<String> batched =
        batch.batch(ids).stream()
            .map(o -> o.drafted() ? "drafted " + o.draft().id() : o.failure().getMessage())
            .toList();

    assertThat(batched).isEqualTo(oneByOne);
    assertThat(batched.get(7)).contains("already has outreach draft");
    assertThat(batch.draftRows()).isEqualTo(one.draftRows());
    assertThat(batch.eventRows()).isEqualTo(one.eventRows());
  }

  @Test
  void aFailureAfterTheDraftWasWrittenLeavesNothingOfIt() {
    Folder f = new Folder("data");
    long ada = f.add("Ada Lovelace", 1);
    long bob = f.add("Bob Kahn", 1);
    long cy = f.add("Cy Young", 1);
    List<OutreachBatch.Outcome> outcomes = new ArrayList<>();

    new OutreachBatch(
            f.db,
            (c, id) -> {
              Draft d = f.drafts.outreach(c, id, false);
              if (id == bob) throw new RapportException("the disk said no");
              return d;
            })
        .run(List.of(ada, bob, cy), outcomes::add);

    assertThat(outcomes)
        .extracting(OutreachBatch.Outcome::drafted)
        .containsExactly(true, false, true);
    assertThat(outcomes.get(1).failure()).hasMessage("the disk said no");
    assertThat(f.draftsOf(bob)).isZero();
    assertThat(f.createdEventsOf(bob)).isZero();
    assertThat(f.draftsOf(ada) + f.draftsOf(cy)).isEqualTo(2);
  }

  @Test
  void chunksAreCommittedAndReportedInOrder() {
    Folder f = new Folder("data");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) ids.add(f.add("Person " + i, 1));
    List<String> seen = new ArrayList<>();

    new OutreachBatch(
            f.db,
            (c, id) -> {
              seen.add("draft " + id);
              return f.drafts.outreach(c, id, false);
            },
            2)
        .run(
            ids,
            o -> {
              // reported after its chunk is committed: another connection already sees the draft
              assertThat(f.draftsOf(o.contactId())).isOne();
              seen.add("reported " + o.contactId());
            });

    assertThat(seen)
        .containsExactly(
            "draft " + ids.get(0),
            "draft " + ids.get(1),
            "reported " + ids.get(0),
            "reported " + ids.get(1),
            "draft " + ids.get(2),
            "draft " + ids.get(3),
            "reported " + ids.get(2),
            "reported " + ids.get(3),
            "draft " + ids.get(4),
            "reported " + ids.get(4));
  }

  @Test
  void aRunKilledMidChunkIsRerunWithoutASecondDraftForAnyone() {
    Folder f = new Folder("data");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) ids.add(f.add("Person " + i, 1));
    long dying = ids.get(3);
    List<Long> reported = new ArrayList<>();

    // The process dies while drafting the fourth contact: the second chunk (the third and
    // fourth) is never committed.
    assertThatThrownBy(
            () ->
                new OutreachBatch(
                        f.db,
                        (c, id) -> {
                          Draft d = f.drafts.outreach(c, id, false);
                          if (id == dying) throw new Killed();
                          return d;
                        },
                        2)
                    .run(ids, o -> reported.add(o.contactId())))
        .isInstanceOf(Killed.class);
    assertThat(reported).containsExactly(ids.get(0), ids.get(1));
    assertThat(ids).extracting(f::draftsOf).containsExactly(1L, 1L, 0L, 0L, 0L);

    List<OutreachBatch.Outcome> again = f.batch(ids);

    assertThat(again)
        .extracting(OutreachBatch.Outcome::drafted)
        .containsExactly(false, false, true, true, true);
    assertThat(again.get(0).failure()).hasMessageContaining("already has outreach draft");
    for (long id : ids) {
      assertThat(f.draftsOf(id)).as("drafts of %d", id).isOne();
      assertThat(f.createdEventsOf(id)).as("DRAFT_CREATED events of %d", id).isOne();
    }
  }
}
