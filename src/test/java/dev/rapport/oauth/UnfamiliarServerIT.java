package dev.rapport.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.Config;
import dev.rapport.mail.BearerToken;
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
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An authorization server rapport was not written for: rotating refresh tokens, expires_in as text
 * or missing, no token_type, error descriptions, client_secret_basic only, endpoints known only
 * from the issuer's discovery document, and scopes granted narrower than asked. All against {@link
 * MockAuthServer} on 127.0.0.1.
 */
class UnfamiliarServerIT {
  @TempDir Path dir;
  MockAuthServer auth;
  final StringWriter printed = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    auth = new MockAuthServer();
  }

  @AfterEach
  void stop() {
    auth.close();
  }

  Path data() {
    return dir.resolve("data");
  }

  /** Signed in already (a refresh token saved), with tokens from the config's oauth2 section. */
  BearerToken signedIn(Config.OAuth2 config, Map<String, String> env) {
    new SignInFile(data())
        .write(new StoredSignIn(auth.grantedRefreshToken(), null, null, null, Instant.now()));
    return SignIns.bearer(config, data(), env, Clock.systemUTC());
  }

  BearerToken signedIn() throws Exception {
    return signedIn(LoginIT.config(dir, auth.yaml("custom", "")), Map.of());
  }

  StoredSignIn saved() {
    return new SignInFile(data()).read().orElseThrow();
  }

  @Test
  void aRotatedRefreshTokenIsSavedAtOnceAndTheNextRefreshUsesIt() throws Exception {
    auth.rotateRefreshTokens = true;
    BearerToken tokens = signedIn();
    String first = saved().refreshToken();

    String access = tokens.get();
    String second = saved().refreshToken();
    assertThat(second).isNotEqualTo(first);
    assertThat(auth.active(access)).isTrue();
    assertThat(Files.getPosixFilePermissions(data().resolve(SignInFile.NAME)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));

    tokens.rejected(); // the server refused the access token: the next get refreshes
    String again = tokens.get();
    assertThat(again).isNotEqualTo(access);
    assertThat(saved().refreshToken()).isNotIn(first, second);
    assertThat(auth.refreshCalls).hasValue(2);
  }

  @Test
  void expiresInAsTextOrMissingAndNoTokenTypeAreAccepted() throws Exception {
    auth.expiresInAs = "1800";
    auth.omitTokenType = true;
    BearerToken tokens = signedIn();
    Instant before = Instant.now();
    tokens.get();
    assertThat(saved().expiresAt())
        .isBetween(before.plusSeconds(1790), Instant.now().plusSeconds(1810));

    auth.expiresInAs = "soon";
    tokens.rejected();
    tokens.get();
    assertThat(saved().expiresAt()).as("the default hour").isAfter(before.plusSeconds(3500));

    auth.expiresInAs = MockAuthServer.OMIT;
    tokens.rejected();
    tokens.get();
    assertThat(saved().expiresAt()).isAfter(before.plusSeconds(3500));
  }

  @Test
  void anErrorsDescriptionIsShownWithItsCode() throws Exception {
    BearerToken tokens = signedIn();
    auth.nextTokenError =
        Map.of("error", "temporarily_unavailable", "error_description", "Maintenance until 06:00");
    assertThatThrownBy(tokens::get)
        .hasMessageContaining("temporarily_unavailable (Maintenance until 06:00)")
        .hasMessageContaining("next try in 30 s")
        .hasMessageNotContaining("refresh-");
  }

  @Test
  void aServerWantingClientSecretBasicIsAskedAgainThatWayAndKeepsGettingIt() throws Exception {
    auth.basicOnly = true;
    auth.discovery = "none"; // nothing says so in advance: found out from invalid_client
    BearerToken tokens =
        signedIn(
            LoginIT.config(dir, auth.yaml("custom", "  client_secret_env: OAUTH_SECRET\n")),
            Map.of("OAUTH_SECRET", "s3cret:+/"));
    tokens.get();
    assertThat(auth.clientAuths).containsExactly("post", "basic");
    assertThat(auth.lastClientSecret).isEqualTo("s3cret:+/");

    tokens.rejected();
    tokens.get();
    assertThat(auth.clientAuths).containsExactly("post", "basic", "basic");
  }

  @Test
  void aWrongClientSecretStillSaysInvalidClient() throws Exception {
    auth.basicOnly = true;
    BearerToken tokens =
        signedIn(
            LoginIT.config(
                dir,
                """
                oauth2:
                  provider: custom
                  client_id: someone-else
                  client_secret_env: OAUTH_SECRET
                  token_url: %s
                  authorize_url: %s
                  scopes: [mail]
                """
                    .formatted(auth.url("/token"), auth.url("/authorize"))),
            Map.of("OAUTH_SECRET", "x"));
    assertThatThrownBy(tokens::get)
        .hasMessageContaining("invalid_client (Client authentication failed)");
    assertThat(auth.clientAuths).containsExactly("post", "basic");
  }

  Config.OAuth2 issuerOnly() throws Exception {
    return LoginIT.config(
        dir,
        """
        oauth2:
          provider: custom
          client_id: test-client
          issuer: %s
        """
            .formatted(auth.url("")));
  }

  @Test
  void onlyAnIssuerIsEnoughWithOpenIdDiscovery() throws Exception {
    Login.Result r = signInFollowingTheLink(login(issuerOnly())).get(20, TimeUnit.SECONDS);
    assertThat(r.file()).exists();
    assertThat(auth.lastAuthorizeQuery).contains("scope=offline_access");
    assertThat(SignIns.bearer(issuerOnly(), data(), Map.of(), Clock.systemUTC()).get())
        .startsWith("access-");
  }

  @Test
  void onlyAnIssuerIsEnoughWithRfc8414MetadataAndTheDeviceGrant() throws Exception {
    auth.discovery = "rfc8414";
    auth.deviceAnswers.add("authorization_pending");
    auth.deviceAnswers.add("slow_down");
    Login.Result r = login(issuerOnly()).onAnotherDevice();
    assertThat(r.file()).exists();
    assertThat(auth.devicePolls).hasValue(3);
    assertThat(printed.toString()).contains("WDJB-MJHT");
  }

  @Test
  void metadataNamingAnotherIssuerIsRefusedAndNoDocumentSaysWhatToDo() throws Exception {
    auth.metadataIssuer = "https://evil.example.net";
    assertThatThrownBy(() -> login(issuerOnly()).onAnotherDevice())
        .hasMessageContaining("names another issuer, https://evil.example.net; refused")
        .hasMessageContaining("oauth-authorization-server: HTTP 404")
        .hasMessageContaining("set oauth2.authorize_url and oauth2.token_url");
    assertThat(auth.tokenCalls).hasValue(0);
  }

  @Test
  void scopesGrantedNarrowerThanAskedAreNamed() throws Exception {
    auth.grantedScope = "mail";
    Config.OAuth2 config =
        LoginIT.config(
            dir,
            auth.yaml("custom", "")
                .replace("scopes: [mail]", "scopes: [mail, contacts, offline_access]"));
    Login.Result r = signInFollowingTheLink(login(config)).get(20, TimeUnit.SECONDS);
    assertThat(r.missingScopes()).containsExactly("contacts");
    assertThat(printed.toString())
        .contains("granted less access than rapport asked for; missing: contacts");

    auth.grantedScope = "mail contacts";
    printed.getBuffer().setLength(0);
    assertThat(signInFollowingTheLink(login(config)).get(20, TimeUnit.SECONDS).missingScopes())
        .isEmpty();
  }

  Login login(Config.OAuth2 config) {
    return new Login(config, data(), Map.of(), Clock.systemUTC(), new PrintWriter(printed, true))
        .waitingAtMost(Duration.ofSeconds(20))
        .slowingDownBy(Duration.ofMillis(100));
  }

  CompletableFuture<Login.Result> signInFollowingTheLink(Login login) throws Exception {
    CompletableFuture<Login.Result> result =
        CompletableFuture.supplyAsync(() -> login.inBrowser(false));
    Await.until(
        Duration.ofSeconds(10), "the Open line", () -> printed.toString().contains("Open "));
    String line = printed.toString().lines().filter(l -> l.startsWith("Open ")).findFirst().get();
    HttpClient browser =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    browser.send(
        HttpRequest.newBuilder(URI.create(line.substring("Open ".length()).strip())).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return result;
  }
}
