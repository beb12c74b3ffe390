package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code service install} without --now, into a temporary XDG_CONFIG_HOME: no systemctl needed. */
@EnabledOnOs(OS.LINUX)
class ServiceCommandTest {
  @TempDir Path dir;
  Path launcher;
  Path unit;

  @BeforeEach
  void aLauncherAsTheArchiveHasIt() throws Exception {
    launcher = dir.resolve("rapport-1.0/bin/rapport");
    Files.createDirectories(launcher.getParent());
    Files.writeString(launcher, "#!/bin/sh\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    System.setProperty("rapport.launcher", launcher.toString());
    unit = dir.resolve("xdg/systemd/user/rapport.service");
  }

  @AfterEach
  void noLauncher() {
    System.clearProperty("rapport.launcher");
  }

  CliRunner cli(Path config) {
    return new CliRunner(dir.resolve("data"), config)
        .env("XDG_CONFIG_HOME", dir.resolve("xdg").toString())
        .env("PATH", "/usr/local/bin:/usr/bin:/bin");
  }

  @Test
  void installWritesAUnitRunningTheLauncherWithAbsoluteConfigAndData() throws Exception {
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(
        config,
        "me:\n  name: Sam\n  email: sam@example.org\n"
            + "smtp:\n  host: smtp.example.org\n  username: sam\n  password_env: SAM_SMTP\n"
            + "imap:\n  host: imap.example.org\n  username: sam\n"
            + "  password_command: \"pass show mail\"\n");
    CliRunner.Result r = cli(config).run("service", "install");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    String text = Files.readString(unit);
    assertThat(text)
        .contains(
            "ExecStart="
                + launcher
                + " --config "
                + config.toAbsolutePath()
                + " --data "
                + dir.resolve("data").toAbsolutePath()
                + " run\n")
        .contains("Environment=RAPPORT_SERVICE=systemd\n")
        .contains("Environment=JAVA_HOME=" + System.getProperty("java.home") + "\n")
        .contains("Environment=PATH=/usr/local/bin:/usr/bin:/bin\n")
        .contains("EnvironmentFile=-" + dir.resolve("xdg/rapport/service.env") + "\n")
        .contains("WorkingDirectory=" + Path.of("").toAbsolutePath() + "\n")
        .doesNotContain("pass show");
    assertThat(r.out())
        .startsWith("Wrote " + unit + ".\n")
        .contains("systemctl --user enable --now rapport.service")
        .contains(
            "The config reads passwords from SAM_SMTP: the service does not see your shell's"
                + " variables; put SAM_SMTP=... in "
                + dir.resolve("xdg/rapport/service.env"));
  }

  @Test
  void printShowsTheUnitAndWritesNothing() {
    CliRunner.Result r = cli(null).run("service", "install", "--print");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("[Service]").contains(" run\n").doesNotContain("--config");
    assertThat(unit).doesNotExist();
  }

  @Test
  void aConfigThatDoesNotLoadIsNotInstalled() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "me:\n  nmae: Sam\n");
    CliRunner.Result r = cli(config).run("service", "install");
    assertThat(r.exitCode()).isEqualTo(Cli.FAILED);
    assertThat(r.err()).contains("bad.yaml line 1");
    assertThat(unit).doesNotExist();
  }

  @Test
  void statusSaysWhetherItIsInstalled() {
    CliRunner.Result r = cli(null).run("service", "status");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("No service installed (" + unit + " does not exist)");
  }
}
