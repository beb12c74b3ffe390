package dev.rapport.daemon;

import static dev.rapport.daemon.Processes.COMMAND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.cli.CliRunner;
import dev.rapport.daemon.Processes.Run;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import dev.rapport.store.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code outreach} for thousands of contacts killed with SIGKILL mid-run (it writes its drafts in
 * chunks, draft/OutreachBatch): every draft it reported is there with its event, nothing of the
 * chunk it was in is, and running it again drafts the rest without a second draft for anyone.
 */
class OutreachKilledIT {
  private static final int CONTACTS = 3000;
  private static final Pattern DRAFTED = Pattern.compile("for contact (\\d+) from");

  @TempDir Path dir;
  Run outreach;

  @AfterEach
  void killLeftover() {
    if (outreach != null) outreach.process().destroyForcibly();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aKilledRunLeavesWholeChunksAndARerunDraftsTheRestOnce() throws Exception {
    Path data = dir.resolve("data");
    CliRunner cli = new CliRunner(data);
    StringBuilder csv = new StringBuilder("name,email,company,tier\n");
    for (int i = 0; i < CONTACTS; i++)
      csv.append("Person ").append(i).append(",p").append(i).append("@example.net,Co,1\n");
    Path file = Files.writeString(dir.resolve("contacts.csv"), csv);
    assertThat(cli.run("contacts", "import", file.toString()).exitCode()).isZero();
    List<String> args = new ArrayList<>(List.of("outreach"));
    for (int id = 1; id <= CONTACTS; id++) args.add(String.valueOf(id));

    outreach = Processes.rapport(data, dir.resolve("logs"), args.toArray(String[]::new));
    Processes.await(COMMAND, "the first chunk reported", () -> outreach.out().contains("Drafted"));
    outreach.process().destroyForcibly(); // SIGKILL on Linux: no hook, no clean close
    assertThat(outreach.exitCode(COMMAND)).as("killed, not finished").isNotZero();

    Set<Long> reported = new HashSet<>();
    Matcher m = DRAFTED.matcher(outreach.out());
    while (m.find()) reported.add(Long.parseLong(m.group(1)));
    try (Database db = DatabaseOpener.open(new DataFolder(data))) {
      List<Long> drafted =
          db.read(
              c -> Sql.list(c, "SELECT contact_id FROM draft ORDER BY id", rs -> rs.getLong(1)));
      assertThat(drafted).as("every draft reported").containsAll(reported);
      assertThat(drafted.size() % 100).as("whole chunks of 100: " + drafted.size()).isZero();
      assertThat(drafted.size()).as("cut short").isLessThan(CONTACTS);
      assertOneDraftAndOneEventEach(db, drafted.size());
      System.out.printf(
          "OutreachKilledIT: killed after %d drafts were committed, %d of them reported%n",
          drafted.size(), reported.size());
    }

    var again = cli.run(args.toArray(String[]::new));

    assertThat(again.exitCode()).as("the drafted ones are refused").isEqualTo(1);
    assertThat(again.err()).contains("already has outreach draft");
    try (Database db = DatabaseOpener.open(new DataFolder(data))) {
      assertOneDraftAndOneEventEach(db, CONTACTS);
    }
  }

  private static void assertOneDraftAndOneEventEach(Database db, int drafts) {
    db.read(
        c -> {
          assertThat(Sql.count(c, "SELECT COUNT(*) FROM draft")).isEqualTo(drafts);
          assertThat(Sql.count(c, "SELECT COUNT(DISTINCT contact_id) FROM draft"))
              .as("one draft per contact")
              .isEqualTo(drafts);
          assertThat(
                  Sql.count(
                      c,
                      "SELECT COUNT(*) FROM event e JOIN draft d ON d.id = e.link_id"
                          + " AND e.link_type = 'draft' WHERE e.type = 'DRAFT_CREATED'"))
              .as("a DRAFT_CREATED event for each draft")
              .isEqualTo(drafts);
          assertThat(Sql.count(c, "SELECT COUNT(*) FROM event WHERE type = 'DRAFT_CREATED'"))
              .as("and no other")
              .isEqualTo(drafts);
          return null;
        });
  }
}
