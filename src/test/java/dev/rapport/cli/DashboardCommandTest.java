package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheAddressWithTheTokenKeptInTheDataFolder() throws Exception {
    CliRunner cli = new CliRunner(dir.resolve("data"));
    CliRunner.Result first = cli.run("dashboard");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    Path secret = dir.resolve("data").resolve("dashboard.secret");
    String token = Files.readString(secret).strip();
    assertThat(token).hasSize(48);
    assertThat(first.out()).isEqualTo("http://127.0.0.1:7077/login?token=" + token + "\n");
    assertThat(Files.getPosixFilePermissions(secret))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(cli.run("dashboard").out()).as("the same address again").isEqualTo(first.out());
  }
}
