package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** 'rapport --version': the version and the commit it was built from, or "unknown commit". */
class VersionProviderTest {
  @Test
  void theBuildWritesTheVersionAndTheCommitOrUnknown() {
    String[] lines = new VersionProvider().getVersion();
    // build.properties is written in process-resources, before the tests run
    assertThat(lines[0])
        .matches("rapport \\S+ \\((commit [0-9a-f]{7,}(-dirty)?|unknown commit)\\)");
    assertThat(lines[0]).doesNotContain("${");
    assertThat(lines[1]).startsWith("Java " + System.getProperty("java.version"));
  }

  @Test
  void aCommitIsNamedAndItsAbsenceSaidPlainly() {
    Properties p = new Properties();
    p.setProperty("version", "1.2.3");
    p.setProperty("commit", "0123456789ab");
    assertThat(VersionProvider.lines(p)[0]).isEqualTo("rapport 1.2.3 (commit 0123456789ab)");
    p.setProperty("commit", "unknown");
    assertThat(VersionProvider.lines(p)[0]).isEqualTo("rapport 1.2.3 (unknown commit)");
    assertThat(VersionProvider.lines(new Properties())[0]).isEqualTo("rapport development build");
  }

  @Test
  void theCommandPrintsIt() {
    CliRunner.Result r = new CliRunner(java.nio.file.Path.of("unused")).run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("rapport ").contains("commit");
  }
}
