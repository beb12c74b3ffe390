package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
  @TempDir Path dir;

  @Test
  void aHealthySandboxPasses() {
    var r = new CliRunner(dir.resolve("data")).run("doctor");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("sandbox mode")
        .containsPattern("schema version [1-9][0-9]*;")
        .contains("0 contact(s)")
        .contains("All checks passed.");
  }

  @Test
  void aDataFolderOpenToOthersIsTightenedAndDoctorSaysSo() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path data = dir.resolve("data");
    assertThat(new CliRunner(data).run("contacts", "list").exitCode()).isZero();
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path secret = data.resolve("db.secret");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

    var r = new CliRunner(data).run("doctor");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("WARN  data folder    data folder " + data.toAbsolutePath())
        .contains("was readable by others (0755); tightened to 0700")
        .contains("db.secret was readable by others (0644); tightened to 0600")
        .contains("All checks passed.");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
        .isEqualTo("rw-------");
    var again = new CliRunner(data).run("doctor");
    assertThat(again.out()).doesNotContain("tightened");
  }

  @Test
  void aBadConfigKeyIsNamedWithItsFix() throws Exception {
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(config, "pacing:\n  max_per_dy: 3\n");
    var r = new CliRunner(dir.resolve("data"), config).run("doctor");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("FAIL")
        .contains("pacing.max_per_dy: unknown key")
        .contains("rapport.example.yaml");
  }

  @Test
  void aMissingPasswordVariableFailsWithoutPrintingAnySecret() throws Exception {
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(config, ConfigYaml.ACCOUNT);
    var r = new CliRunner(dir.resolve("data"), config).env("IMAP_PW", "s3cret-imap").run("doctor");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("SMTP_PW is not set")
        .contains("from the environment variable IMAP_PW")
        .doesNotContain("s3cret");
  }

  @Test
  void otherCommandsRefuseABadConfigWithExitOne() throws Exception {
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(config, "digest: {enabled: maybe}\n");
    var r = new CliRunner(dir.resolve("data"), config).run("contacts", "list");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("digest.enabled: expected true or false")
        .doesNotContain("Exception");
  }

  @Test
  void aBrokenTemplateIsNamedWithFileAndLine() throws Exception {
    Path templates = dir.resolve("templates");
    Files.createDirectories(templates);
    try (var files = Files.list(Path.of("templates"))) {
      for (Path f : files.toList()) Files.copy(f, templates.resolve(f.getFileName()));
    }
    Files.writeString(
        templates.resolve("follow-up.ftl"), "Subject: Re: hello\n\nHi ${contact.nickname},\n");
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(config, "templates: " + templates + "\n");
    var r = new CliRunner(dir.resolve("data"), config).run("doctor");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("FAIL")
        .contains("follow-up.ftl line 3")
        .contains("contact.nickname");
    assertThat(r.out()).doesNotContain("outreach.ftl line");
  }

  @Test
  void runawayAndRefusedTemplatesAreNamed() throws Exception {
    Path templates = dir.resolve("templates");
    Files.createDirectories(templates);
    try (var files = Files.list(Path.of("templates"))) {
      for (Path f : files.toList()) Files.copy(f, templates.resolve(f.getFileName()));
    }
    Files.writeString(
        templates.resolve("follow-up.ftl"),
        "Subject: Re: hello\n\n<#list 1..999999999 as i></#list>\n");
    Files.writeString(
        templates.resolve("thank-you.ftl"), "Subject: Thanks\n\n<#macro m><@m/></#macro><@m/>\n");
    Files.writeString(
        templates.resolve("keep-in-touch.ftl"),
        "Subject: Hello\n\n<#setting classic_compatible=true>${contact.nickname}\n");
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(config, "templates: " + templates + "\n");
    var r = new CliRunner(dir.resolve("data"), config).run("doctor");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("follow-up.ftl: rendering took longer than 2 s")
        .contains("thank-you.ftl: rendering went too deep")
        .contains("keep-in-touch.ftl line 3: <#setting classic_compatible> is not allowed")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void itSaysPerKindWhetherYourFilesOrRapportsDefaultsAreUsed() throws Exception {
    Path templates = Files.createDirectories(dir.resolve("mine"));
    Files.copy(Path.of("templates", "outreach.ftl"), templates.resolve("outreach.ftl"));
    Files.copy(Path.of("templates", "outreach-tier1.ftl"), templates.resolve("outreach-tier1.ftl"));
    Path config = dir.resolve("rapport.yaml");
    Files.writeString(config, "templates: " + templates + "\n");
    var r = new CliRunner(dir.resolve("data"), config).run("doctor");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("your folder: " + templates)
        .contains("outreach: yours (outreach.ftl, outreach-tier1.ftl)")
        .contains("thank-you: default (in rapport)")
        .contains("every kind of draft renders");
  }

  @Test
  void theShippedTemplatesPass() {
    var r = new CliRunner(dir.resolve("data")).run("doctor");
    assertThat(r.out()).contains("every kind of draft renders");
  }
}
