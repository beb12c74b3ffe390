package dev.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.cli.CliRunner;
import dev.rapport.config.Config;
import dev.rapport.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rapport setup} against a GreenMail whose ports a local autoconfig stand-in announces as
 * the "discovered" servers of firm.example, answers piped as a user would type them.
 */
class SetupCommandIT {
  static final String ME = "sam@firm.example";

  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(
              new ServerSetup[] {
                ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
              })
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(ME, ME, "pw"))
          .withPerMethodLifecycle(true);

  @TempDir Path dir;
  StandInAutoconfig web;
  StandInDns dns;
  Path config;

  @BeforeEach
  void start() throws Exception {
    web = new StandInAutoconfig();
    dns = new StandInDns();
    web.put(
        "/ispdb/v1.1/firm.example",
        StandInAutoconfig.loopback(mail.getImap().getPort(), mail.getSmtp().getPort()));
    config = dir.resolve("config").resolve("rapport.yaml");
  }

  @AfterEach
  void stop() {
    web.close();
    dns.close();
  }

  CliRunner runner() {
    return new CliRunner(dir.resolve("data"), config)
        .env("RAPPORT_SETUP_AUTOCONFIG", String.join(",", web.places()))
        .env("RAPPORT_SETUP_DNS", "127.0.0.1:" + dns.address().getPort());
  }

  @Test
  void setupFindsTheServersTestsBothLoginsAndWritesAConfigDoctorPasses() {
    long start = System.nanoTime();
    CliRunner cli = runner().env("RAPPORT_MAIL_PASSWORD", "pw").stdin("Sam Rivera\n\n\n\n");
    CliRunner.Result setup = cli.run("setup", "--email", ME);
    assertThat(setup.exitCode()).as(setup.toString()).isZero();
    assertThat(setup.out())
        .contains("Found, from autoconfig at " + web.base() + "/ispdb/v1.1/firm.example")
        .contains("ok   smtp login")
        .contains("ok   imap login")
        .contains("Wrote " + config)
        .contains("next: rapport doctor")
        .doesNotContain("pw\n");
    long setupMillis = (System.nanoTime() - start) / 1_000_000;
    CliRunner.Result doctor = cli.stdin("").run("doctor");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
    assertThat(doctor.out()).contains("All checks passed.");
    System.out.println(
        "MEASURE setup to a passing doctor: " + millis + " ms (setup " + setupMillis + " ms)");

    Config c = ConfigLoader.load(config, true);
    assertThat(c.me().name()).isEqualTo("Sam Rivera");
    assertThat(c.mail().orElseThrow().imap().port()).isEqualTo(mail.getImap().getPort());
    assertThat(c.mail().orElseThrow().imap().sent()).isEqualTo("auto");
  }

  @Test
  void printShowsTheYamlAloneAndWritesNothing() {
    CliRunner.Result r =
        runner()
            .stdin("Sam Rivera\n\n2\npass show mail/sam\n")
            .run("setup", "--email", ME, "--print");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("# Written by 'rapport setup'").doesNotContain("Your name");
    assertThat(r.err()).contains("Your name");
    Config c = ConfigLoader.parse(r.out(), null);
    assertThat(c.mail().orElseThrow().smtp().password().command()).isEqualTo("pass show mail/sam");
    assertThat(c.mail().orElseThrow().smtp().host()).isEqualTo("127.0.0.1");
    assertThat(Files.exists(config)).isFalse();
  }

  @Test
  void anExistingConfigIsKeptAsABackup() throws Exception {
    Files.createDirectories(config.getParent());
    Files.writeString(config, "# my old config\n");
    CliRunner.Result r =
        runner()
            .env("RAPPORT_MAIL_PASSWORD", "pw")
            .stdin("Sam\n\n\n\n")
            .run("setup", "--email", ME);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    try (var files = Files.list(config.getParent())) {
      Path backup =
          files
              .filter(p -> p.getFileName().toString().startsWith("rapport.yaml.backup-"))
              .findFirst()
              .orElseThrow();
      assertThat(Files.readString(backup)).isEqualTo("# my old config\n");
      assertThat(r.out()).contains("kept as " + backup);
    }
    assertThat(Files.readString(config)).contains("Sam");
  }

  @Test
  void aFailedLoginSaysWhichStepAndWritesNothing() {
    CliRunner.Result r =
        runner()
            .env("RAPPORT_MAIL_PASSWORD", "wrong-secret-55")
            .stdin("Sam\n\n\n\n")
            .run("setup", "--email", ME);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("Step 'test the").contains("login' failed").contains("Next:");
    assertThat(r.out() + r.err()).doesNotContain("wrong-secret-55");
    assertThat(r.err()).contains("Nothing written");
    assertThat(Files.exists(config)).isFalse();
  }

  @Test
  void nothingFoundSaysWhatWasTriedAndTheServersCanBeTypedIn() {
    CliRunner.Result r =
        runner()
            .env("RAPPORT_MAIL_PASSWORD", "pw")
            .stdin(
                "Sam\n127.0.0.1\n%d\n127.0.0.1\n%d\n\n\n\n"
                    .formatted(mail.getImap().getPort(), mail.getSmtp().getPort()))
            .run("setup", "--email", "sam@nowhere.example", "--print");
    assertThat(r.err())
        .contains("Nothing found. What was tried:")
        .contains("DNS SRV records of nowhere.example: none");
    // Ports typed in are taken as TLS or STARTTLS: plaintext is never guessed.
    assertThat(r.out()).contains("security: starttls");
  }

  @Test
  void noAnswersSaysWhatToDo() {
    CliRunner.Result r = runner().stdin("").run("setup");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("Step 'your email address' got no answer");
  }
}
