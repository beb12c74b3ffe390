package dev.rapport.schedule;

import static dev.rapport.schedule.ScheduleFixture.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.draft.DraftKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep's read of all contacts gives the same facts as reading each contact alone. */
class FactsStoreTest {
  @TempDir Path dir;

  @Test
  void loadAllAgreesWithLoadForEveryPlannedContact() {
    try (ScheduleFixture f = new ScheduleFixture(dir, berlin("2026-03-02T10:00"))) {
      long contacted = f.contact("Ada", "ada@example.net");
      f.sentOutreach(contacted);
      long autoReplied = f.contact("Bob", "bob@example.net");
      f.sentOutreach(autoReplied);
      f.clock.advance(Duration.ofHours(1));
      f.autoReply(autoReplied, LocalDate.of(2026, 3, 20));
      long nudged = f.contact("Cyd", "cyd@example.net");
      f.sentOutreach(nudged);
      f.clock.advance(Duration.ofDays(8));
      f.service().runDue();
      f.send(f.drafts(nudged, DraftKind.FOLLOW_UP).get(0));
      long interviewed = f.contact("Dee", "dee@example.net");
      f.interviewed(interviewed);
      long thanked = f.contact("Eve", "eve@example.net");
      f.interviewed(thanked);
      f.service().runDue();
      f.send(f.drafts(thanked, DraftKind.THANK_YOU).get(0));
      f.clock.advance(Duration.ofDays(3));
      f.reply(thanked);
      long fay = f.contact("Fay", "fay@example.net"); // NEW: nothing planned
      f.referral(thanked, fay, true);
      // Not in a stage with anything planned, but with an interview booked or an introduction
      // offered: their prep reminder or referral nudge is planned all the same.
      long booked = f.contact("Gil", "gil@example.net");
      f.contacts.moveManually(booked, dev.rapport.contact.Stage.SCHEDULED, "booked");
      f.scheduledInterview(booked, f.clock.instant().plus(Duration.ofDays(2)), "video call");
      long offered = f.contact("Hal", "hal@example.net");
      f.contacts.moveManually(offered, dev.rapport.contact.Stage.REPLIED, "replied");
      long ivy = f.contact("Ivy", "ivy@example.net");
      f.referral(offered, ivy, true);
      f.sentOutreach(ivy);

      FactsStore store = new FactsStore();
      List<ContactFacts> all = f.db.read(store::loadAll);
      assertThat(all)
          .extracting(ContactFacts::contactId)
          .containsExactly(
              contacted, autoReplied, nudged, interviewed, thanked, booked, offered, ivy);
      assertThat(all.get(4).referrals())
          .singleElement()
          .satisfies(r -> assertThat(r.introduced()).isFalse());
      assertThat(all.get(5).interview()).isNotNull();
      assertThat(all.get(6).referrals())
          .singleElement()
          .satisfies(r -> assertThat(r.introduced()).isTrue());
      assertThat(all.get(4).thankYouId()).as("Eve's thank-you, read in bulk").isNotNull();
      for (ContactFacts bulk : all) {
        ContactFacts one = f.db.read(c -> store.load(c, bulk.contactId())).orElseThrow();
        assertThat(bulk).isEqualTo(one);
      }
    }
  }
}
