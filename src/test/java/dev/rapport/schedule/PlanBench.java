package dev.rapport.schedule;

import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.contact.NewContact;
import dev.rapport.contact.Trigger;
import dev.rapport.stats.StatsService;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times what the scheduler and {@code stats} read, in this JVM (no start-up cost), over a database
 * of {@code n} contacted contacts of which every tenth was interviewed with a thank-you drafted:
 * {@code java -cp target/classes:target/test-classes:$(deps) dev.rapport.schedule.PlanBench [n]}. A
 * benchmark, not a test: medians of 9 rounds are reported, never asserted.
 */
public final class PlanBench {
  private PlanBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    Path dir = Files.createTempDirectory("rapport-plan-bench");
    Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("UTC"));
    try (Database db = DatabaseOpener.open(new DataFolder(dir.resolve("data")))) {
      ContactService contacts = new ContactService(db, clock);
      db.transaction(
          c -> {
            for (int i = 0; i < n; i++) {
              long id =
                  contacts
                      .insert(
                          c,
                          new NewContact(
                              "Person " + i,
                              "person" + i + "@example.org",
                              null,
                              null,
                              1 + i % 4,
                              null,
                              null,
                              null,
                              "bench"),
                          clock.instant(),
                          EventType.CREATED,
                          "bench")
                      .id();
              long outreach = draft(c, id, "OUTREACH", "SENT", clock);
              contacts.apply(c, id, Trigger.OUTREACH_SENT, "sent", Link.draft(outreach));
              if (i % 10 == 0) {
                contacts.apply(c, id, Trigger.INTERVIEW_DONE, "done", Link.command("bench"));
                draft(c, id, "THANK_YOU", "PENDING", clock);
              }
            }
            return null;
          });
      FactsStore facts = new FactsStore();
      StatsService stats = new StatsService(db, clock, ZoneId.of("UTC"), 5);
      time("loadAll", 9, () -> db.read(facts::loadAll).size());
      time("load x100", 9, () -> db.read(c -> loadEach(facts, c, 100)));
      time("stats", 9, () -> stats.compute().funnel().contacts());
    }
  }

  private static int loadEach(FactsStore facts, java.sql.Connection c, int count) {
    int found = 0;
    for (long id = 1; id <= count; id++) if (facts.load(c, id).isPresent()) found++;
    return found;
  }

  private static long draft(
      java.sql.Connection c, long contactId, String kind, String status, Clock clock) {
    Instant now = clock.instant();
    return Sql.insert(
        c,
        "INSERT INTO draft (contact_id, kind, status, to_address, subject, body, created_at, updated_at, sent_at)"
            + " VALUES (?, ?, ?, 'x@example.org', 'Hello', 'Could we talk?', ?, ?, ?)",
        contactId,
        kind,
        status,
        now,
        now,
        status.equals("SENT") ? now : null);
  }

  private static void time(String what, int rounds, Supplier<Integer> work) {
    List<Long> ms = new ArrayList<>();
    int result = 0;
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      result = work.get();
      ms.add((System.nanoTime() - start) / 1_000_000);
    }
    Collections.sort(ms);
    System.out.printf(
        "%-10s median %4d ms (min %d, max %d) -> %d%n",
        what, ms.get(rounds / 2), ms.get(0), ms.get(rounds - 1), result);
  }
}
