package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandTest {
  @TempDir Path dir;

  @Test
  void inTheSandboxWithoutTheDaemonItSaysWhereTheMailServerRunsAndExits1() {
    var r = new CliRunner(dir.resolve("data")).run("sync");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip())
        .isEqualTo(
            "No mail account is configured and the sandbox mail server is not running: it runs inside 'rapport run'."
                + " Start 'run' in another terminal; it sends approved drafts by itself, and 'sync' works beside it.");
  }

  @Test
  void resolveNeedsExactlyOneDecision() {
    DraftsFixture f = new DraftsFixture(dir);
    long draft = f.outreach(f.contact("Ada", "ada@example.org"));
    var none = f.cli.run("drafts", "resolve", String.valueOf(draft));
    assertThat(none.exitCode()).isEqualTo(2);
    var both = f.cli.run("drafts", "resolve", String.valueOf(draft), "--sent", "--resend");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
  }

  @Test
  void resolveRefusesADraftThatIsNotUncertain() {
    DraftsFixture f = new DraftsFixture(dir);
    long draft = f.outreach(f.contact("Ada", "ada@example.org"));
    var r = f.cli.run("drafts", "resolve", String.valueOf(draft), "--sent");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "Draft "
                + draft
                + " is PENDING; only an UNCERTAIN draft (one whose sending was interrupted) or a FAILED one is resolved.");
    assertThat(f.draft(draft).get("status").asText()).isEqualTo("PENDING");
    var missing = f.cli.run("drafts", "resolve", "999", "--resend");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err().strip()).isEqualTo("There is no draft 999.");
  }
}
