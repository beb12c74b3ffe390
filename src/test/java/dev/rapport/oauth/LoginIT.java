package dev.rapport.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.Config;
import dev.rapport.config.ConfigLoader;
import dev.rapport.testing.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rapport login against a local authorization server: browser (--no-browser) and device flows. */
class LoginIT {
  @TempDir Path dir;
  MockAuthServer auth;
  final StringWriter printed = new StringWriter();
  final HttpClient browser =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeEach
  void start() throws Exception {
    auth = new MockAuthServer();
  }

  @AfterEach
  void stop() {
    auth.close();
  }

  static Config.OAuth2 config(Path dir, String yaml) throws Exception {
    Path file = dir.resolve("rapport.yaml");
    Files.writeString(
        file,
        """
        me: {name: Ada, email: ada@example.org}
        smtp: {host: 127.0.0.1, port: 25, security: none, username: ada@example.org, auth: oauth2}
        imap: {host: 127.0.0.1, port: 143, security: none, username: ada@example.org, auth: oauth2}
        """
            + yaml);
    return ConfigLoader.load(file, true).mail().orElseThrow().oauth2();
  }

  Login login() throws Exception {
    return new Login(
            config(dir, auth.yaml("custom", "")),
            dir.resolve("data"),
            Map.of(),
            Clock.systemUTC(),
            new PrintWriter(printed, true))
        .waitingAtMost(Duration.ofSeconds(20))
        .slowingDownBy(Duration.ofMillis(100));
  }

  /** Runs the browser sign-in in the background and follows its "Open <URL>" line as a browser. */
  CompletableFuture<Login.Result> signInFollowingTheLink(Login login) throws Exception {
    CompletableFuture<Login.Result> result =
        CompletableFuture.supplyAsync(() -> login.inBrowser(false));
    Await.until(
        Duration.ofSeconds(10), "the Open line", () -> printed.toString().contains("Open "));
    String line = printed.toString().lines().filter(l -> l.startsWith("Open ")).findFirst().get();
    assertThat(printed.toString().lines().count()).isEqualTo(1);
    URI url = URI.create(line.substring("Open ".length()).strip());
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.body()).isNotEmpty();
    return result;
  }

  @Test
  void noBrowserPrintsOneOpenLineAndSavesTheSignInPrivately() throws Exception {
    Login.Result r = signInFollowingTheLink(login()).get(20, TimeUnit.SECONDS);
    assertThat(auth.lastAuthorizeQuery)
        .contains("code_challenge_method=S256")
        .contains("state=")
        .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A");
    Path saved = dir.resolve("data").resolve(SignInFile.NAME);
    assertThat(r.file()).isEqualTo(saved);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)))
        .isEqualTo("rw-------");
    StoredSignIn s = new SignInFile(dir.resolve("data")).read().orElseThrow();
    assertThat(s.usable()).isTrue();
    assertThat(s.refreshToken()).startsWith("refresh-");
    assertThat(s.toString()).doesNotContain("refresh-").doesNotContain("access-");
    assertThat(printed.toString()).doesNotContain("refresh-").doesNotContain("access-");
  }

  @Test
  void aRedirectWithAnotherStateIsRefusedAndNothingSaved() throws Exception {
    auth.redirect = MockAuthServer.Redirect.WRONG_STATE;
    CompletableFuture<Login.Result> r = signInFollowingTheLink(login());
    assertThatThrownBy(() -> r.get(20, TimeUnit.SECONDS))
        .cause()
        .hasMessageContaining("state does not match");
    assertThat(dir.resolve("data").resolve(SignInFile.NAME)).doesNotExist();
    assertThat(auth.tokenCalls.get()).isZero();
  }

  @Test
  void anErrorRedirectIsRefusedWithTheReason() throws Exception {
    auth.redirect = MockAuthServer.Redirect.ERROR;
    CompletableFuture<Login.Result> r = signInFollowingTheLink(login());
    assertThatThrownBy(() -> r.get(20, TimeUnit.SECONDS))
        .cause()
        .hasMessageContaining("access_denied")
        .hasMessageContaining("The user said no");
    assertThat(dir.resolve("data").resolve(SignInFile.NAME)).doesNotExist();
  }

  @Test
  void nobodyFollowingTheLinkEndsTheWait() throws Exception {
    Login login = login().waitingAtMost(Duration.ofMillis(300));
    assertThatThrownBy(() -> login.inBrowser(false))
        .hasMessageContaining("No answer from the browser");
  }

  @Test
  void deviceGrantPollsThroughPendingAndSlowDown() throws Exception {
    auth.deviceAnswers.add("authorization_pending");
    auth.deviceAnswers.add("slow_down");
    auth.deviceAnswers.add("authorization_pending");
    Login.Result r = login().onAnotherDevice();
    assertThat(printed.toString()).contains("WDJB-MJHT").contains("/activate");
    assertThat(auth.devicePolls.get()).isEqualTo(4);
    assertThat(new SignInFile(dir.resolve("data")).read().orElseThrow().usable()).isTrue();
    assertThat(r.provider()).isEqualTo("the authorization server");
  }

  @Test
  void aDeclinedDeviceSignInSaysSo() throws Exception {
    auth.deviceAnswers.add("access_denied");
    assertThatThrownBy(() -> login().onAnotherDevice()).hasMessageContaining("declined");
    assertThat(dir.resolve("data").resolve(SignInFile.NAME)).doesNotExist();
  }

  @Test
  void aClientSecretFromTheEnvironmentIsSentToTheTokenEndpoint() throws Exception {
    Login login =
        new Login(
                config(dir, auth.yaml("custom", "  client_secret_env: OAUTH_SECRET\n")),
                dir.resolve("data"),
                Map.of("OAUTH_SECRET", "s3cret"),
                Clock.systemUTC(),
                new PrintWriter(printed, true))
            .waitingAtMost(Duration.ofSeconds(20));
    signInFollowingTheLink(login).get(20, TimeUnit.SECONDS);
    assertThat(auth.lastClientSecret).isEqualTo("s3cret");
  }
}
