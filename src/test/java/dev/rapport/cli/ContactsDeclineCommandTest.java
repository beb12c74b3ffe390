package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.App;
import dev.rapport.config.ConfigLoader;
import dev.rapport.draft.DraftKind;
import dev.rapport.store.DataFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code contacts decline}: a "no" in one step, and the nudges waiting for them cancelled. */
class ContactsDeclineCommandTest {
  @TempDir Path dir;

  @Test
  void aNoMovesTheContactAndCancelsTheNudgeWaitingForThem() throws Exception {
    DraftsFixture f = new DraftsFixture(dir);
    long grace = f.contact("Grace Hopper", "grace@example.org");
    assertThat(f.cli.run("contacts", "stage", "" + grace, "CONTACTED").exitCode()).isZero();
    long nudge = followUpDraft(grace);

    var r = f.cli.run("contacts", "decline", "" + grace, "--note", "no time this quarter");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().strip())
        .isEqualTo("Contact 1 (Grace Hopper) is now DECLINED. 1 waiting nudge cancelled.");
    assertThat(f.contactJson(grace).get("stage").asText()).isEqualTo("DECLINED");
    assertThat(f.draft(nudge).get("status").asText()).isEqualTo("CANCELLED");
    String events = f.contactJson(grace).get("events").toString();
    assertThat(events).contains("CONTACTED → DECLINED by hand: no time this quarter");
    assertThat(events).contains("cancelled: they declined");
    assertThat(DraftsFixture.json(f.cli.run("stats", "--json")).get("noPerYes").get("no").asInt())
        .isEqualTo(1);
  }

  @Test
  void aSecondNoOrAnUnknownContactIsRefused() {
    DraftsFixture f = new DraftsFixture(dir);
    long grace = f.contact("Grace Hopper", "grace@example.org");
    assertThat(f.cli.run("contacts", "decline", "" + grace).exitCode()).isZero();

    var again = f.cli.run("contacts", "decline", "" + grace);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already DECLINED");
    var missing = f.cli.run("contacts", "decline", "99");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err().strip()).isEqualTo("There is no contact 99.");
    assertThat(f.cli.run("contacts", "decline").exitCode()).isEqualTo(2);
  }

  /** A follow-up as the scheduler drafts it, through the same data folder. */
  private long followUpDraft(long contactId) {
    App app =
        new App(
            ConfigLoader.load(dir.resolve("rapport.yaml"), true),
            new DataFolder(dir.resolve("data")),
            Clock.systemUTC(),
            Map.of());
    try {
      return app.database()
          .transaction(c -> app.drafts().scheduled(c, contactId, DraftKind.FOLLOW_UP, "test").id());
    } finally {
      app.close();
    }
  }
}
