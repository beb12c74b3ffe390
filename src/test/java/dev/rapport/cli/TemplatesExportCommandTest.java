package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.template.DefaultTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesExportCommandTest {
  @TempDir Path dir;

  @Test
  void copiesEveryDefaultAndItsReadmeOut() throws Exception {
    Path out = dir.resolve("my-templates");
    var r = new CliRunner(dir.resolve("data")).run("templates", "export", out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    try (Stream<Path> shipped = Files.list(DefaultTemplates.SOURCE)) {
      for (Path f : shipped.toList()) {
        assertThat(out.resolve(f.getFileName())).hasSameTextualContentAs(f);
      }
    }
    assertThat(r.out()).contains("README.md").contains("outreach.ftl").contains("'templates:'");
  }

  @Test
  void refusesToOverwriteSayingWhichUnlessForced() throws Exception {
    Path out = Files.createDirectories(dir.resolve("my-templates"));
    Files.writeString(out.resolve("outreach.ftl"), "Subject: mine\n\nmine\n");
    Files.writeString(out.resolve("thank-you.ftl"), "Subject: mine\n\nmine\n");

    var refused = new CliRunner(dir.resolve("data")).run("templates", "export", out.toString());
    assertThat(refused.exitCode()).isEqualTo(Cli.FAILED);
    assertThat(refused.err())
        .contains(out + " already has outreach.ftl, thank-you.ftl; nothing was copied")
        .contains("--force");
    assertThat(out.resolve("outreach.ftl")).hasContent("Subject: mine\n\nmine");
    assertThat(out.resolve("follow-up.ftl")).doesNotExist();

    var forced =
        new CliRunner(dir.resolve("data")).run("templates", "export", out.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(out.resolve("outreach.ftl"))
        .hasSameTextualContentAs(DefaultTemplates.SOURCE.resolve("outreach.ftl"));
  }
}
