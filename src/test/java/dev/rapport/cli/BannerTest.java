package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.Config;
import dev.rapport.config.ConfigLoader;
import dev.rapport.daemon.SandboxMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BannerTest {
  @TempDir Path dir;

  @Test
  void sandboxSaysNothingLeavesTheMachineWhereDataIsAndWhatRuns() {
    var lines =
        Banner.lines(
            ConfigLoader.sandboxDefaults(),
            Path.of("/srv/data"),
            Path.of("/srv/data/rapport.log"),
            40497,
            Optional.of(SandboxMail.Ports.defaults()),
            "java -jar target/rapport.jar");
    assertThat(lines.get(0))
        .isEqualTo(
            "rapport sandbox: no mail account is configured, so nothing leaves this machine.");
    assertThat(lines.get(1))
        .contains("127.0.0.1 only: SMTP 3025, IMAP 3143")
        .contains("me@rapport.test");
    assertThat(lines.get(2)).contains("/srv/data").contains("rapport.log");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("Scheduler: follow-up drafts 7d after a message")
                    .contains("keep-in-touch drafts 90d to 180d after the last exchange"));
    assertThat(lines.get(3))
        .contains("127.0.0.1:40497")
        .contains("approved drafts are sent to the sandbox within seconds")
        .contains("the inbox watcher");
    assertThat(lines)
        .contains(
            "In another terminal: java -jar target/rapport.jar contacts list", "Stop with Ctrl-C.");
    assertThat(String.join("\n", lines))
        .doesNotContainIgnoringCase("later")
        .doesNotContainIgnoringCase("coming");
  }

  @Test
  void withAnAccountItSaysHowApprovedDraftsGoOut() throws Exception {
    Path file = dir.resolve("rapport.yaml");
    Files.writeString(
        file,
        """
        me: {name: Ada, email: ada@example.org}
        smtp: {host: smtp.example.org, username: ada, password_env: X}
        imap: {host: imap.example.org, username: ada, password_env: Y}
        """);
    Config config = ConfigLoader.load(file, true);
    var lines =
        Banner.lines(
            config, dir, dir.resolve("rapport.log"), 40497, Optional.empty(), "java -jar x.jar");
    assertThat(lines.get(0)).contains(file.toString()).contains("ada@example.org");
    assertThat(String.join("\n", lines))
        .doesNotContain("sandbox")
        .contains(
            "approved drafts are sent through smtp.example.org between 09:00 and 17:30 on weekdays")
        .contains("at most 20 a day, with a copy in Sent on imap.example.org")
        .contains("the inbox watcher");
  }

  @Test
  void theHintRepeatsTheGlobalOptionsTheUserGave() {
    RapportCommand root = new RapportCommand(Clock.systemUTC(), Map.of(), Path.of("none.yaml"));
    new CommandLine(root).parseArgs("--data", "my data", "--config", "conf/r.yaml", "run");
    assertThat(Banner.command(root))
        .endsWith(" --config conf/r.yaml --data 'my data'")
        .startsWith("java -jar ");
  }

  @Test
  void aServiceIsToldByItsVariableOrBySystemdsJournal() {
    assertThat(Banner.underService(Map.of("RAPPORT_SERVICE", "systemd"))).isTrue();
    assertThat(Banner.underService(Map.of("JOURNAL_STREAM", "8:12345"))).isTrue();
    assertThat(Banner.underService(Map.of("HOME", "/home/sam"))).isFalse();
  }
}
