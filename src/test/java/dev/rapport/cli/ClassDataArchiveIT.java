package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/rapport.jsa}, the class-data archive {@code mvn package} makes beside the jar
 * (docs/STARTUP.md): a command run with it loads its classes from the archive, picocli's (compiled
 * for Java 5, which only a static archive holds) and rapport's first classes included.
 */
class ClassDataArchiveIT {
  @TempDir Path dir;

  @Test
  void aCommandLoadsPicocliAndRapportFromTheArchiveAndNothingFromTheJar() throws Exception {
    Path jar = Path.of(System.getProperty("rapport.jar", "target/rapport.jar"));
    Path archive = jar.resolveSibling("rapport.jsa");
    assumeTrue(
        !Boolean.getBoolean("rapport.cds.skip") && Files.exists(archive),
        "no archive: built with -Drapport.cds.skip");
    for (String run : List.of("new", "existing")) { // the first makes the database
      Path log = dir.resolve(run + "-classes.txt");
      // as the launcher runs it: the main class named, not read from the jar's manifest
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xshare:on", // fails instead of running without the archive
              "-XX:SharedArchiveFile=" + archive,
              "-Xlog:class+load=info:file=" + log,
              "-cp",
              jar.toString(),
              "dev.rapport.Main",
              "--data",
              dir.resolve("data").toString(),
              "contacts",
              "list");
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("out.txt").toFile())
              .start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("contacts list ended").isTrue();
      assertThat(p.exitValue()).as(read(dir.resolve("out.txt"))).isZero();

      List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (String name :
          List.of(
              "picocli.CommandLine ",
              "dev.rapport.Main ",
              "dev.rapport.cli.ContactsListCommand ",
              "org.h2.engine.Database "))
        assertThat(loaded)
            .as("where %s came from (%s database)", name.strip(), run)
            .anySatisfy(line -> assertThat(line).contains(name).contains("shared objects file"));
      // A class from the jar makes the thread that needs it read the jar's index of 17,000
      // entries first: the database thread, at its start, before the training archived its
      // first logger. Flyway is left out of the archive: only a new (or older) database runs it.
      List<String> fromJar =
          loaded.stream().filter(line -> line.contains("source: file:")).toList();
      if (run.equals("new"))
        assertThat(fromJar)
            .as("classes read from the jar for a new database")
            .isNotEmpty()
            .allMatch(line -> line.contains("org.flywaydb."));
      else assertThat(fromJar).as("classes read from the jar").isEmpty();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
