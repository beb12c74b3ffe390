package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands find their config and data in the usual places; doctor says which and why. */
class PlacesCommandTest {
  @TempDir Path dir;

  CliRunner.Result run(Path cwd, Path home, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.run(
            args, Clock.systemUTC(), env, cwd, home, new PrintWriter(out), new PrintWriter(err));
    return new CliRunner.Result(code, out.toString(), err.toString());
  }

  @Test
  void outsideAProjectFolderTheDataGoesToTheXdgDataHome() throws Exception {
    Path cwd = Files.createDirectories(dir.resolve("anywhere"));
    Path home = Files.createDirectories(dir.resolve("home"));
    var r = run(cwd, home, Map.of(), "doctor");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Path data = home.resolve(".local/share/rapport");
    assertThat(r.out())
        .contains("config file: none (none found")
        .contains("data folder: " + data + " (the XDG default under ~/.local/share)")
        .contains("templates folder: " + home.resolve(".config/rapport/templates"))
        .contains("every kind is rapport's default");
    assertThat(data.resolve("rapport.mv.db")).exists();
  }

  @Test
  void anXdgConfigIsReadAndItsRelativeTemplatesAreBesideIt() throws Exception {
    Path cwd = Files.createDirectories(dir.resolve("anywhere"));
    Path cfg = Files.createDirectories(dir.resolve("cfg/rapport"));
    Files.writeString(cfg.resolve("rapport.yaml"), "templates: mine\n");
    Files.createDirectories(cfg.resolve("mine"));
    Files.writeString(
        cfg.resolve("mine/outreach.ftl"), "Subject: Hello\n\nHi ${contact.firstName}\n");
    Path data = dir.resolve("elsewhere");
    var r =
        run(
            cwd,
            dir.resolve("home"),
            Map.of(
                "XDG_CONFIG_HOME", dir.resolve("cfg").toString(), "RAPPORT_DATA", data.toString()),
            "doctor");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("config file: " + cfg.resolve("rapport.yaml") + " (from XDG_CONFIG_HOME)")
        .contains("data folder: " + data + " (from RAPPORT_DATA)")
        .contains("templates folder: " + cfg.resolve("mine"))
        .contains("outreach: yours (outreach.ftl)");
  }
}
