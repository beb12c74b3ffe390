package dev.rapport.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The systemd user unit's text. */
class UnitFileTest {
  static ServiceSpec spec(List<String> command) {
    return new ServiceSpec(
        command,
        Path.of("/home/sam/rapport"),
        Map.of("RAPPORT_SERVICE", "systemd", "JAVA_HOME", "/usr/lib/jvm/java-17"),
        Optional.of(Path.of("/home/sam/.config/rapport/service.env")),
        Path.of("/home/sam/rapport/data/service.log"));
  }

  @Test
  void theDaemonInTheForegroundRestartedOnFailureLoggingToTheJournal() {
    String unit =
        UnitFile.text(
            spec(
                List.of(
                    "/opt/rapport/bin/rapport",
                    "--config",
                    "/home/sam/.config/rapport/rapport.yaml",
                    "--data",
                    "/home/sam/rapport/data",
                    "run")),
            "rapport 1.0 (commit abc)");
    assertThat(unit)
        .contains("[Unit]\n")
        .contains("\n[Service]\nType=exec\n")
        .contains(
            "\nExecStart=/opt/rapport/bin/rapport --config /home/sam/.config/rapport/rapport.yaml"
                + " --data /home/sam/rapport/data run\n")
        .contains("\nWorkingDirectory=/home/sam/rapport\n")
        .contains("\nEnvironment=JAVA_HOME=/usr/lib/jvm/java-17\n")
        .contains("\nEnvironment=RAPPORT_SERVICE=systemd\n")
        .contains("\nEnvironmentFile=-/home/sam/.config/rapport/service.env\n")
        .contains("\nRestart=on-failure\n")
        .contains("\nRestartSec=10s\n")
        .contains("\nStandardOutput=journal\n")
        .contains("\n[Install]\nWantedBy=default.target\n")
        .doesNotContainIgnoringCase("password=");
  }

  @Test
  void spacesQuotesPercentAndDollarReachTheDaemonAsWritten() {
    assertThat(UnitFile.quote("/home/sam/My Data")).isEqualTo("\"/home/sam/My Data\"");
    assertThat(UnitFile.quote("/a/100%")).isEqualTo("\"/a/100%%\"");
    assertThat(UnitFile.quote("/a/$HOME")).isEqualTo("\"/a/$$HOME\"");
    assertThat(UnitFile.quote("say \"hi\" \\ there")).isEqualTo("\"say \\\"hi\\\" \\\\ there\"");
    assertThat(UnitFile.quote("/plain/path-1.0")).isEqualTo("/plain/path-1.0");
  }

  @Test
  void aLineBreakInAPathIsRefused() {
    assertThatThrownBy(() -> spec(List.of("/opt/rapport\n[Service]", "run")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
