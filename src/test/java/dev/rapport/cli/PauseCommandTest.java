package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PauseCommandTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, BERLIN);

  @TempDir Path dir;
  DraftsFixture f;

  @BeforeEach
  void setUp() {
    f = new DraftsFixture(dir);
    at(MONDAY.toInstant());
  }

  void at(Instant t) {
    f.cli.clock(Clock.fixed(t, BERLIN));
  }

  CliRunner.Result ok(String... args) {
    var r = f.cli.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void pauseUntilADayThenDoctorSaysSoAndItEndsByItself() {
    var r = ok("pause", "--until", "2026-12-07", "--note", "moving house");
    assertThat(r.out().strip())
        .isEqualTo(
            "Paused: nothing is sent and no nudge is drafted until Mon 7 Dec (or 'resume' before)."
                + " Drafts can still be made and approved; they wait.");
    var doctor = f.cli.run("doctor");
    assertThat(doctor.out())
        .contains(
            "rapport is paused since Mon 30 Nov until Mon 7 Dec: moving house; nothing is sent and no nudge is drafted.")
        .contains("Run 'resume' when you are ready.");

    at(MONDAY.plusDays(7).withHour(0).toInstant());
    assertThat(f.cli.run("doctor").out()).contains("not paused");
    assertThat(ok("resume").out().strip()).isEqualTo("Not paused; nothing to resume.");
  }

  @Test
  void resumeSaysHowLongItWasAndASecondPauseIsRefusedMeanwhile() {
    ok("pause");
    var again = f.cli.run("pause");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err().strip())
        .isEqualTo("rapport is already paused (since 2026-11-30); 'resume' ends that pause.");
    at(MONDAY.plusDays(12).toInstant());
    assertThat(ok("resume").out().strip())
        .isEqualTo(
            "Resumed after 12 days. Approved drafts go out spread within pacing; follow-ups move on by the time paused.");
    assertThat(ok("pause").exitCode()).isZero();
  }

  @Test
  void draftsCanStillBeMadeAndApprovedWhilePaused() {
    ok("pause");
    long draft = f.outreach(f.contact("Ada", "ada@example.org"));
    ok("drafts", "approve", String.valueOf(draft));
    assertThat(f.draft(draft).get("status").asText()).isEqualTo("APPROVED");
  }

  @Test
  void aBadOrPastDateIsRefusedAndNothingIsPaused() {
    var bad = f.cli.run("pause", "--until", "7.12.2026");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err().strip())
        .isEqualTo("--until: \"7.12.2026\" is not a date; expected YYYY-MM-DD, e.g. 2026-12-07.");
    var past = f.cli.run("pause", "--until", "2026-11-30");
    assertThat(past.exitCode()).isEqualTo(1);
    assertThat(past.err().strip())
        .isEqualTo("--until: 2026-11-30 is not in the future; give the day you want to be back.");
    assertThat(f.cli.run("doctor").out()).contains("not paused");
  }
}
