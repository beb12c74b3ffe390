package dev.rapport.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.Await;
import dev.rapport.testing.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive that {@code package} made, as a new user meets it: unpacked into an empty
 * folder and run through {@code bin/rapport} from another folder, with only a Java on the machine.
 * Builds nothing itself.
 */
@DisabledOnOs(OS.WINDOWS)
class ReleaseArchiveIT {
  static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path dir;
  Path home;
  Path elsewhere;
  Path cache;
  final List<Process> started = new ArrayList<>();

  @BeforeEach
  void unpack() throws Exception {
    String dist = System.getProperty("rapport.dist");
    assertThat(dist).as("system property rapport.dist (set by failsafe)").isNotNull();
    assertThat(Path.of(dist)).as("the archive; 'mvn verify' packages it first").exists();
    Path unpacked = Files.createDirectory(dir.resolve("unpacked"));
    Process tar =
        new ProcessBuilder("tar", "xzf", dist, "-C", unpacked.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(tar.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes())).isZero();
    try (Stream<Path> top = Files.list(unpacked)) {
      home = top.findFirst().orElseThrow();
    }
    assertThat(home.getFileName().toString()).startsWith("rapport-");
    elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    cache = dir.resolve("cache");
  }

  @AfterEach
  void stop() {
    started.forEach(Process::destroyForcibly);
    // the launcher's background start-up archive writes into the cache: let it finish first
    Await.until(WAIT, "the class-data archive to be made", () -> !lockExists());
  }

  @Test
  void theArchiveHoldsLauncherJarTemplatesConfigDocsAndCompletion() {
    assertThat(home.resolve("bin/rapport")).isExecutable();
    for (String f :
        List.of(
            "lib/rapport.jar",
            "templates/outreach.ftl",
            "config/rapport.example.yaml",
            "docs/STARTUP.md",
            "README.md",
            "INSTALL.md",
            "completion/rapport.bash",
            "completion/_rapport")) assertThat(home.resolve(f)).as(f).isRegularFile();
  }

  @Test
  void versionNamesTheVersionAndTheCommit() throws Exception {
    Run version = rapport(Map.of(), "--version");
    assertThat(version.waitFor()).as(version.toString()).isZero();
    String expected = home.getFileName().toString().substring("rapport-".length());
    assertThat(version.out())
        .startsWith("rapport " + expected + " (")
        .containsPattern("\\((commit [0-9a-f]{7,}(-dirty)?|unknown commit)\\)");
  }

  @Test
  void runStartsTheSandboxFromAnotherFolderAndStopsOnSigterm() throws Exception {
    int dashboard = FreePorts.next();
    Path config = elsewhere.resolve("rapport.yaml");
    Files.writeString(
        config,
        "me:\n  name: Sam\n  email: sam@example.org\ndashboard:\n  port: " + dashboard + "\n");
    Path data = dir.resolve("data");
    Run daemon =
        rapport(
            Map.of(),
            "--config",
            config.toString(),
            "--data",
            data.toString(),
            "run",
            "--sandbox-smtp-port",
            String.valueOf(FreePorts.next()),
            "--sandbox-imap-port",
            String.valueOf(FreePorts.next()));
    Await.until(
        WAIT,
        "the daemon to start",
        () -> {
          if (!daemon.process().isAlive()) throw new AssertionError("it ended: " + daemon);
          // the launcher execs Java: the process the service manager sees is the daemon itself
          return daemon.out().contains("Stop with Ctrl-C.")
              && String.valueOf(daemon.process().pid())
                  .equals(announcement(data).getProperty("pid"));
        });
    assertThat(daemon.out())
        .startsWith("rapport sandbox: no mail account is configured")
        .contains("Dashboard: open http://127.0.0.1:" + dashboard + "/login?token=")
        .contains("In another terminal: " + home.resolve("bin/rapport"));

    Run add =
        rapport(
            Map.of(),
            "--data",
            data.toString(),
            "contacts",
            "add",
            "--name",
            "Grace Hopper",
            "--email",
            "grace@example.org");
    assertThat(add.waitFor()).as(add.toString()).isZero();
    Run list = rapport(Map.of(), "--data", data.toString(), "contacts", "list", "--json");
    assertThat(list.waitFor()).as(list.toString()).isZero();
    assertThat(list.out()).startsWith("[").contains("grace@example.org");

    daemon.process().destroy(); // SIGTERM
    assertThat(daemon.waitFor()).as(daemon.toString()).isZero();
    assertThat(daemon.out()).endsWith("rapport stopped.\n");
  }

  /**
   * What systemd would start: {@code service install} writes the unit, and its ExecStart, run with
   * the unit's working directory and environment, starts the daemon. (No systemd user manager runs
   * here; {@code ServiceInstallerTest} has {@code systemd-analyze verify} check the unit itself.)
   */
  @Test
  void serviceInstallWritesAUnitWhoseCommandStartsTheDaemon() throws Exception {
    int dashboard = FreePorts.next();
    Path config = elsewhere.resolve("rapport.yaml");
    Files.writeString(
        config,
        "me:\n  name: Sam\n  email: sam@example.org\ndashboard:\n  port: " + dashboard + "\n");
    Path data = dir.resolve("service-data");
    Path xdg = dir.resolve("xdg-config");
    Run install =
        rapport(
            Map.of("XDG_CONFIG_HOME", xdg.toString()),
            "--config",
            config.toString(),
            "--data",
            data.toString(),
            "service",
            "install");
    assertThat(install.waitFor()).as(install.toString()).isZero();
    String unit = Files.readString(xdg.resolve("systemd/user/rapport.service"));
    assertThat(unit)
        .contains("Restart=on-failure")
        .startsWith("# Written by 'rapport service install' (rapport 0");

    List<String> command = new ArrayList<>(unitWords(unitValue(unit, "ExecStart=")));
    assertThat(command)
        .startsWith(home.resolve("bin/rapport").toString())
        .containsSubsequence("--config", config.toString())
        .containsSubsequence("--data", data.toString())
        .endsWith("run");
    // the test's own sandbox ports, to stay off the defaults
    command.addAll(
        List.of(
            "--sandbox-smtp-port",
            String.valueOf(FreePorts.next()),
            "--sandbox-imap-port",
            String.valueOf(FreePorts.next())));
    Path out = dir.resolve("unit.out");
    ProcessBuilder b =
        new ProcessBuilder(command)
            .directory(Path.of(unitValue(unit, "WorkingDirectory=")).toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    b.environment().clear();
    b.environment().put("HOME", dir.toString());
    b.environment().put("XDG_CACHE_HOME", cache.toString());
    for (String line : unit.lines().filter(l -> l.startsWith("Environment=")).toList()) {
      String pair = unitWords(line.substring("Environment=".length())).get(0);
      b.environment()
          .put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    Process daemon = b.start();
    started.add(daemon);
    Await.until(
        WAIT,
        "the unit's command to start the daemon",
        () -> {
          if (!daemon.isAlive()) throw new AssertionError("it ended: " + read(out));
          return read(out).contains("Stop with Ctrl-C.");
        });
    assertThat(read(out))
        .as("under a service the banner leaves the token out of the journal")
        .contains("127.0.0.1:" + dashboard)
        .doesNotContain("token=");
    daemon.destroy(); // SIGTERM, as systemctl stop
    assertThat(daemon.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.exitValue()).as(read(out)).isZero();
  }

  private static String unitValue(String unit, String key) {
    return unit.lines()
        .filter(l -> l.startsWith(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " in\n" + unit))
        .substring(key.length());
  }

  /** A unit line's words as systemd reads them: double quotes group, %% and $$ are single. */
  private static List<String> unitWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted && ch == '\\' && i + 1 < line.length()) {
        w.append(line.charAt(++i));
      } else if (ch == '"') {
        quoted = !quoted;
        any = true;
      } else if (ch == ' ' && !quoted) {
        if (any || w.length() > 0) words.add(w.toString());
        w.setLength(0);
        any = false;
      } else {
        w.append(ch);
      }
    }
    if (any || w.length() > 0) words.add(w.toString());
    return words.stream().map(x -> x.replace("%%", "%").replace("$$", "$")).toList();
  }

  @Test
  void laterCommandsStartWithTheClassDataArchiveTheFirstOneMade() throws Exception {
    Run first = rapport(Map.of(), "--data", dir.resolve("data").toString(), "contacts", "list");
    assertThat(first.waitFor()).as(first.toString()).isZero();
    Await.until(WAIT, "the class-data archive", () -> archives().size() == 1 && !lockExists());
    // -Xshare:on fails instead of starting without the archive
    Run next =
        rapport(
            Map.of("RAPPORT_JAVA_OPTS", "-Xshare:on"),
            "--data",
            dir.resolve("data").toString(),
            "contacts",
            "list");
    assertThat(next.waitFor()).as(next.toString()).isZero();
    assertThat(next.err()).isEmpty();
  }

  @Test
  void aShortCommandRunsWithTheStartUpFlagsMeasuredForIt() throws Exception {
    // the flags in force, as the JVM prints them (docs/STARTUP.md lists them)
    Run r = rapport(Map.of("RAPPORT_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");
    assertThat(r.waitFor()).as(r.toString()).isZero();
    assertThat(r.out())
        .containsPattern("\\bTieredStopAtLevel +:?= 1 ")
        .containsPattern("\\bCICompilerCount +:?= 1 ")
        .containsPattern("\\bUsePerfData +:?= false ");
  }

  @Test
  void anOlderJavaIsNamedWithWhatIsNeeded() throws Exception {
    Path oldJava = fakeJava11();
    Run r = rapport(Map.of("JAVA_HOME", oldJava.toString()), "--version");
    assertThat(r.waitFor()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "rapport needs Java 17 or later; "
                + oldJava.resolve("bin/java")
                + " is Java 11.0.2. Install a newer one or set JAVA_HOME to it.\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void theJavaVersionRememberedIsCheckedAgainWhenJavaChanges() throws Exception {
    Run first = rapport(Map.of(), "--version");
    assertThat(first.waitFor()).as(first.toString()).isZero();
    Path remembered = cache.resolve("rapport/java");
    Path realJava = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
    assertThat(Files.readAllLines(remembered))
        .as("the real path of the Java and its version")
        .hasSize(2)
        .first()
        .isEqualTo(realJava.toString());

    Path oldJava = fakeJava11();
    Run old = rapport(Map.of("JAVA_HOME", oldJava.toString()), "--version");
    assertThat(old.waitFor()).isEqualTo(1);
    assertThat(old.err()).startsWith("rapport needs Java 17 or later; ");

    Run again = rapport(Map.of(), "--version");
    assertThat(again.waitFor()).as(again.toString()).isZero();
    assertThat(again.out()).startsWith("rapport ");
  }

  // --- helpers

  /** A Java home whose release file says 11 and whose java must never run. */
  private Path fakeJava11() throws IOException {
    Path home = dir.resolve("jdk-11");
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("bin/java"), "#!/bin/sh\necho should not run\nexit 3\n");
    home.resolve("bin/java").toFile().setExecutable(true);
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
    return home;
  }

  record Run(Process process, Path outFile, Path errFile) {
    String out() {
      return read(outFile);
    }

    String err() {
      return read(errFile);
    }

    int waitFor() throws InterruptedException {
      if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("still running after " + WAIT + ": " + this);
      }
      return process.exitValue();
    }

    @Override
    public String toString() {
      return "--- out\n" + out() + "--- err\n" + err();
    }
  }

  private int count;

  /** {@code bin/rapport ARGS} from an unrelated folder, with a Java from JAVA_HOME. */
  private Run rapport(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/rapport").toString()));
    command.addAll(List.of(args));
    int n = ++count;
    Path out = dir.resolve(n + ".out");
    Path err = dir.resolve(n + ".err");
    ProcessBuilder b =
        new ProcessBuilder(command)
            .directory(elsewhere.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    b.environment().put("JAVA_HOME", System.getProperty("java.home"));
    b.environment().put("XDG_CACHE_HOME", cache.toString());
    b.environment().remove("RAPPORT_DATA");
    b.environment().remove("RAPPORT_JAVA_OPTS");
    b.environment().remove("RAPPORT_CDS");
    b.environment().putAll(env);
    Process p = b.start();
    started.add(p);
    return new Run(p, out, err);
  }

  private List<Path> archives() {
    try (Stream<Path> files = Files.list(cache.resolve("rapport"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private boolean lockExists() {
    try (Stream<Path> files = Files.list(cache.resolve("rapport"))) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".lock"));
    } catch (IOException e) {
      return false;
    }
  }

  private static Properties announcement(Path data) {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(data.resolve("db.server"))) {
      p.load(in);
    } catch (IOException e) {
      // not (yet) announced
    }
    return p;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
