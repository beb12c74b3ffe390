package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command prints on stderr, run as users run it (the packaged jar, a process of its own):
 * the database thread may log before logging has started on the main thread, and H2's messages come
 * from the jar as the build packs them.
 */
class StartupNoticesIT {
  @TempDir Path dir;

  @Test
  void aWarningLoggedWhileLoggingStartsReachesStderrWithoutSlf4jsNotesAboutIt() throws Exception {
    Path data = dir.resolve("data");
    assertThat(run(data).exitValue).as("the first command, which makes the database").isZero();
    // a copy restored by hand, say: the database thread tightens it and says so, at its start
    Files.setPosixFilePermissions(
        data.resolve("rapport.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

    Result second = run(data);

    assertThat(second.exitValue).as(second.stderr).isZero();
    assertThat(second.stderr)
        .contains("rapport.mv.db was readable by others (0644); tightened to 0600")
        .doesNotContain("SLF4J");
  }

  @Test
  void h2sOwnWordsForAnErrorComeFromThePackagedJar() throws Exception {
    // The jar holds H2's messages loose rather than in its data.zip (pom.xml, docs/STARTUP.md);
    // without them H2 says "(Message 90028 not found)".
    Path data = dir.resolve("data");
    assertThat(run(data).exitValue).isZero();
    Files.write(data.resolve("rapport.mv.db"), new byte[] {'n', 'o', 't', ' ', 'H', '2'});

    Result broken = run(data);

    assertThat(broken.exitValue).isEqualTo(1);
    assertThat(broken.stderr)
        .startsWith("Cannot open the database in " + data + ":")
        .contains("IO Exception")
        .doesNotContain("(Message");
  }

  private record Result(int exitValue, String stderr) {}

  private Result run(Path data) throws Exception {
    Path jar = Path.of(System.getProperty("rapport.jar", "target/rapport.jar"));
    Path stderr = dir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    jar.toString(),
                    "dev.rapport.Main",
                    "--data",
                    data.toString(),
                    "contacts",
                    "list"))
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(stderr.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("contacts list ended").isTrue();
    return new Result(p.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
