package dev.rapport.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rapport.RapportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and removing the unit under a temporary XDG_CONFIG_HOME; systemctl is recorded. */
class ServiceInstallerTest {
  @TempDir Path dir;
  final List<List<String>> ran = new ArrayList<>();
  SystemCommand.Result answer = new SystemCommand.Result(0, "");

  ServiceInstaller systemd() {
    return new ServiceInstaller(
        ServiceInstaller.Kind.SYSTEMD,
        Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString(), "HOME", dir.toString()),
        command -> {
          ran.add(command);
          return answer;
        });
  }

  ServiceSpec spec(Path program) {
    return new ServiceSpec(
        List.of(program.toString(), "--data", dir.resolve("my data").toString(), "run"),
        dir,
        Map.of("RAPPORT_SERVICE", "systemd", "PATH", "/usr/local/bin:/usr/bin:/bin"),
        Optional.of(dir.resolve("xdg/rapport/service.env")),
        dir.resolve("my data/service.log"));
  }

  @Test
  void installWithoutNowWritesTheUnitUnderXdgConfigHomeAndRunsNothing() throws Exception {
    ServiceInstaller installer = systemd();
    List<String> said = installer.install(spec(Path.of("/opt/rapport/bin/rapport")), "1.0", false);
    Path unit = dir.resolve("xdg/systemd/user/rapport.service");
    assertThat(installer.file()).isEqualTo(unit);
    assertThat(Files.readString(unit)).contains("ExecStart=/opt/rapport/bin/rapport --data \"");
    assertThat(said.get(0)).isEqualTo("Wrote " + unit + ".");
    assertThat(String.join("\n", said)).contains("systemctl --user enable --now rapport.service");
    assertThat(ran).isEmpty();
    try (var leftovers = Files.list(unit.getParent())) {
      assertThat(leftovers).containsExactly(unit);
    }
    assertThat(installer.install(spec(Path.of("/opt/rapport/bin/rapport")), "1.1", false).get(0))
        .isEqualTo("Replaced " + unit + ".");
  }

  @Test
  void withoutXdgConfigHomeTheUnitGoesUnderHomeDotConfig() {
    ServiceInstaller installer =
        new ServiceInstaller(
            ServiceInstaller.Kind.SYSTEMD, Map.of("HOME", dir.toString()), c -> answer);
    assertThat(installer.file()).isEqualTo(dir.resolve(".config/systemd/user/rapport.service"));
    assertThat(installer.environmentFile()).isEqualTo(dir.resolve(".config/rapport/service.env"));
  }

  @Test
  void nowReloadsAndEnablesAndUninstallDisablesAndRemoves() {
    ServiceInstaller installer = systemd();
    installer.install(spec(Path.of("/opt/rapport/bin/rapport")), "1.0", true);
    assertThat(ran)
        .containsExactly(
            List.of("systemctl", "--user", "daemon-reload"),
            List.of("systemctl", "--user", "enable", "--now", "rapport.service"));
    ran.clear();
    List<String> said = installer.uninstall();
    assertThat(ran)
        .containsExactly(
            List.of("systemctl", "--user", "disable", "--now", "rapport.service"),
            List.of("systemctl", "--user", "daemon-reload"));
    assertThat(installer.file()).doesNotExist();
    assertThat(said).containsExactly("Removed " + installer.file() + ".");
    assertThat(installer.uninstall().get(0)).startsWith("No service installed");
  }

  @Test
  void whenSystemctlFailsTheMessageSaysWhatItAnswered() {
    answer = new SystemCommand.Result(1, "Failed to connect to bus: No medium found");
    ServiceInstaller installer = systemd();
    assertThatThrownBy(
            () -> installer.install(spec(Path.of("/opt/rapport/bin/rapport")), "1.0", true))
        .isInstanceOf(RapportException.class)
        .hasMessage(
            "systemctl --user daemon-reload failed: Failed to connect to bus: No medium found."
                + " The file is written; start it by hand once that works.");
    // uninstall still removes the file, and says the service could not be stopped
    List<String> said = installer.uninstall();
    assertThat(said.get(0))
        .startsWith("systemctl --user disable --now rapport.service did not succeed (Failed");
    assertThat(installer.file()).doesNotExist();
  }

  @Test
  void launchdAgentGoesToLibraryLaunchAgents() {
    ServiceInstaller mac =
        new ServiceInstaller(
            ServiceInstaller.Kind.LAUNCHD,
            Map.of("HOME", dir.toString()),
            c -> {
              ran.add(c);
              return answer;
            });
    mac.install(spec(Path.of("/opt/rapport/bin/rapport")), "1.0", true);
    Path plist = dir.resolve("Library/LaunchAgents/dev.rapport.daemon.plist");
    assertThat(plist).exists();
    assertThat(ran).containsExactly(List.of("launchctl", "load", "-w", plist.toString()));
  }

  @Test
  void theOperatingSystemChoosesTheManager() {
    assertThat(ServiceInstaller.Kind.of("Linux")).isEqualTo(ServiceInstaller.Kind.SYSTEMD);
    assertThat(ServiceInstaller.Kind.of("Mac OS X")).isEqualTo(ServiceInstaller.Kind.LAUNCHD);
    assertThatThrownBy(() -> ServiceInstaller.Kind.of("Windows 11"))
        .hasMessageContaining("not on Windows 11");
  }

  /** Where systemd is installed, its own checker reads the written unit without a complaint. */
  @Test
  void systemdAnalyzeVerifiesTheWrittenUnit() throws Exception {
    Optional<Path> analyze = onPath("systemd-analyze");
    assumeTrue(analyze.isPresent(), "systemd-analyze is not installed: the unit is not verified");
    Path program = dir.resolve("bin/rapport");
    Files.createDirectories(program.getParent());
    Files.writeString(program, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    ServiceInstaller installer = systemd();
    installer.install(spec(program), "1.0", false);
    // a runtime folder of its own: --user needs one, also where no user manager runs
    Path runtime = Files.createDirectory(dir.resolve("runtime"));
    Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
    ProcessBuilder verify =
        new ProcessBuilder(
                analyze.get().toString(), "--user", "verify", installer.file().toString())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    verify.environment().put("XDG_RUNTIME_DIR", runtime.toString());
    Process p = verify.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("systemd-analyze ends").isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(out).as("what systemd-analyze said").isEmpty();
    assertThat(p.exitValue()).isZero();
  }

  static Optional<Path> onPath(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(d, name);
      if (!d.isEmpty() && Files.isExecutable(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }
}
