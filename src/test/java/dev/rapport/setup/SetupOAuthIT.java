package dev.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.cli.CliRunner;
import dev.rapport.config.Config;
import dev.rapport.config.ConfigLoader;
import dev.rapport.oauth.MockAuthServer;
import dev.rapport.oauth.SignInFile;
import dev.rapport.testing.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rapport setup} for a server that wants OAuth2: the autoconfig stand-in says so, setup asks
 * for the issuer (the local authorization server, found by discovery), writes the config, signs in
 * itself with the device grant, and tests both logins with the new token against GreenMail, which
 * takes each access token the authorization server issues as the user's password (XOAUTH2).
 */
class SetupOAuthIT {
  static final String ME = "sam@firm.example";

  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(
              new ServerSetup[] {
                ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
              })
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(ME, ME, "no-password"))
          .withPerMethodLifecycle(true);

  @TempDir Path dir;
  StandInAutoconfig web;
  StandInDns dns;
  MockAuthServer auth;
  Path config;

  @BeforeEach
  void start() throws Exception {
    auth = new MockAuthServer();
    auth.onIssue = token -> mail.getUserManager().getUserByEmail(ME).setPassword(token);
    web = new StandInAutoconfig();
    dns = new StandInDns();
    web.put(
        "/ispdb/v1.1/firm.example",
        StandInAutoconfig.loopback(mail.getImap().getPort(), mail.getSmtp().getPort())
            .replace("password-cleartext", "OAuth2"));
    config = dir.resolve("config").resolve("rapport.yaml");
  }

  @AfterEach
  void stop() {
    web.close();
    dns.close();
    auth.close();
  }

  CliRunner runner() {
    return new CliRunner(dir.resolve("data"), config)
        .env("RAPPORT_SETUP_AUTOCONFIG", String.join(",", web.places()))
        .env("RAPPORT_SETUP_DNS", "127.0.0.1:" + dns.address().getPort());
  }

  /** Name, keep the servers found, issuer, client id, scopes. */
  String answers() {
    return "Sam Rivera\n\n" + auth.url("") + "\ntest-client\nmail\n";
  }

  @Test
  void setupSignsInItselfTestsBothLoginsWithTheTokenAndDoctorPasses() throws Exception {
    auth.deviceAnswers.add("authorization_pending");
    long start = System.nanoTime();
    CliRunner cli = runner().stdin(answers());
    CliRunner.Result setup = cli.run("setup", "--email", ME, "--device");
    assertThat(setup.exitCode()).as(setup.toString()).isZero();
    assertThat(setup.out())
        .contains("says this server wants OAuth2")
        .contains("Wrote " + config)
        .contains("Signing in with OAuth2 (as 'rapport login --device')")
        .contains("enter the code WDJB-MJHT")
        .contains("ok   oauth2       signed in to 127.0.0.1")
        .contains("ok   smtp login")
        .contains("ok   imap login")
        .contains("next: rapport doctor")
        .doesNotContain("access-")
        .doesNotContain("refresh-");
    assertThat(setup.out().indexOf("Wrote ")).isLessThan(setup.out().indexOf("Signing in"));
    assertThat(dir.resolve("data").resolve(SignInFile.NAME)).exists();
    long setupMillis = (System.nanoTime() - start) / 1_000_000;

    CliRunner.Result doctor = cli.stdin("").run("doctor");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
    assertThat(doctor.out()).contains("All checks passed.");
    System.out.println(
        "MEASURE OAuth2 setup to a passing doctor: "
            + millis
            + " ms (setup "
            + setupMillis
            + " ms, of which device polling about 2 s)");

    Config.OAuth2 o = ConfigLoader.load(config, true).mail().orElseThrow().oauth2();
    assertThat(o.provider()).isEqualTo("custom");
    assertThat(o.issuer()).isEqualTo(auth.url(""));
    assertThat(o.scopes()).containsExactly("mail");
    assertThat(Files.readString(config)).doesNotContain("access-").doesNotContain("refresh-");
  }

  @Test
  void noBrowserPrintsTheLinkAndSignsInOnceItIsFollowed() throws Exception {
    CliRunner.Running setup =
        runner().stdin(answers()).start("setup", "--email", ME, "--no-browser");
    Await.until(
        Duration.ofSeconds(30),
        "setup's line 'Open <URL>'",
        () -> openLine(setup.out().toString()).isPresent() || setup.result().isDone());
    String link =
        openLine(setup.out().toString())
            .orElseThrow(() -> new AssertionError("no Open line: " + setup.result().join()));
    HttpResponse<String> page =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    CliRunner.Result r = setup.result().get(60, TimeUnit.SECONDS);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(auth.lastAuthorizeQuery).contains("code_challenge_method=S256").contains("state=");
    assertThat(r.out())
        .contains("ok   oauth2       signed in to 127.0.0.1")
        .contains("ok   smtp login")
        .contains("ok   imap login")
        .doesNotContain("access-")
        .doesNotContain("refresh-");
    assertThat(dir.resolve("data").resolve(SignInFile.NAME)).exists();
  }

  /** The URL of the one line "Open <URL>" the sign-in prints, once it is there. */
  static java.util.Optional<String> openLine(String printed) {
    return printed
        .lines()
        .filter(l -> l.startsWith("Open http"))
        .map(l -> l.substring("Open ".length()).strip())
        .findFirst();
  }

  @Test
  void aDeclinedSignInSaysWhichStepAndHowToGoOn() {
    auth.deviceAnswers.add("access_denied");
    CliRunner.Result r = runner().stdin(answers()).run("setup", "--email", ME, "--device");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .contains("Step 'sign in with OAuth2' failed: The sign-in was declined (access_denied)")
        .contains("Next: the config is written")
        .contains("run 'rapport login --device', then 'rapport doctor'");
    assertThat(config).exists();
    assertThat(dir.resolve("data").resolve(SignInFile.NAME)).doesNotExist();
  }

  @Test
  void anIssuerWithoutDiscoverySaysWhatWasTried() {
    auth.discovery = "none";
    CliRunner.Result r = runner().stdin(answers()).run("setup", "--email", ME, "--device");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .contains("Step 'sign in with OAuth2' failed: Could not find the sign-in endpoints of")
        .contains("openid-configuration: HTTP 404")
        .contains("set oauth2.authorize_url and oauth2.token_url");
  }
}
