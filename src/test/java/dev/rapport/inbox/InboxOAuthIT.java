package dev.rapport.inbox;

import static dev.rapport.inbox.InboxFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.Config;
import dev.rapport.config.Config.Security;
import dev.rapport.mail.BearerToken;
import dev.rapport.mail.DovecotServer;
import dev.rapport.mail.Endpoint;
import dev.rapport.oauth.AccessTokens;
import dev.rapport.oauth.MockAuthServer;
import dev.rapport.oauth.SignInFile;
import dev.rapport.oauth.SignIns;
import dev.rapport.oauth.StoredSignIn;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox watcher signed in with OAuth2 against a real Dovecot (its oauth2 passdb asks the local
 * authorization server whether each token is active), through a proxy that can drop the connection
 * as a provider does when a token's session ends: the access token expiring while the inbox IDLEs,
 * the token endpoint failing, and consent revoked, all while the watcher runs.
 */
class InboxOAuthIT {
  static final Duration WAIT = Duration.ofSeconds(30);
  static MockAuthServer auth;
  static DovecotServer dovecot;

  @TempDir Path dir;
  InboxFixture f;
  Inbox inbox;
  FreezableProxy proxy;
  final MovableClock clock = new MovableClock(Instant.now());
  AccessTokens tokens;
  final AtomicInteger gets = new AtomicInteger();
  long bo;
  // The mailbox outlives each test: each test's message is its own, so an earlier reply is no
  // answer.
  final String unique = java.util.UUID.randomUUID().toString().substring(0, 8);
  final String sent = "<out-" + unique + "@rapport.test>";
  final String from = "bo-" + unique + "@corp.test";

  @BeforeAll
  static void startServers() throws Exception {
    DovecotServer.assumeInstalled();
    auth = new MockAuthServer();
    auth.username = DovecotServer.USER;
    dovecot = new DovecotServer(auth.url("/introspect"));
  }

  @AfterAll
  static void stopServers() {
    if (dovecot != null) dovecot.close();
    if (auth != null) auth.close();
  }

  @BeforeEach
  void start() throws Exception {
    auth.tokenEndpointDown = false;
    proxy = new FreezableProxy(dovecot.imapsPort);
    Path data = dir.resolve("oauth");
    new SignInFile(data)
        .write(new StoredSignIn(auth.grantedRefreshToken(), null, null, null, clock.instant()));
    Config.OAuth2 config =
        new Config.OAuth2(
            "custom",
            "test-client",
            null,
            null,
            auth.url("/authorize"),
            auth.url("/token"),
            null,
            List.of("mail"),
            null,
            "XOAUTH2");
    tokens = (AccessTokens) SignIns.bearer(config, data, Map.of(), clock);
    BearerToken counted =
        new BearerToken() {
          @Override
          public String get() {
            gets.incrementAndGet();
            return tokens.get();
          }

          @Override
          public void rejected() {
            tokens.rejected();
          }

          @Override
          public String mechanism() {
            return tokens.mechanism();
          }
        };
    Endpoint viaProxy =
        new Endpoint(
            "127.0.0.1", proxy.port(), Security.TLS, DovecotServer.USER, counted, dovecot.trust());
    f = new InboxFixture(dir, () -> viaProxy, DovecotServer.USER);
    f.settings =
        f.settings.withTimings(
            Duration.ofMillis(500),
            Duration.ofSeconds(5),
            Duration.ofMillis(100),
            Duration.ofMillis(400));
    bo = f.contact("Bo Lind", from, "CONTACTED");
    f.sent(bo, sent);
    inbox = f.inbox();
    inbox.start();
    await(WAIT, "the watcher in IDLE", () -> inbox.idleCount() >= 1);
  }

  @AfterEach
  void stop() throws Exception {
    if (inbox != null) inbox.stop();
    proxy.close();
  }

  /** The hour passes: rapport's clock says the token expired, and the server no longer takes it. */
  void theAccessTokenExpires() {
    clock.advance(Duration.ofMinutes(61));
    auth.revokeAccessTokens();
  }

  @Test
  void aTokenExpiringDuringIdleIsRefreshedOnceWhenTheServerDropsTheSession() throws Exception {
    int refreshes = auth.refreshCalls.get();
    theAccessTokenExpires();
    // IDLE is renewed on the open connection: no new token is needed for that.
    long idles = inbox.idleCount();
    await(WAIT, "IDLE renewed on the same connection", () -> inbox.idleCount() >= idles + 2);
    assertThat(auth.refreshCalls.get()).isEqualTo(refreshes);

    proxy.cut(); // the provider ends the session whose token expired
    dovecot.deliver(Mails.reply(from, sent, "Re: Hello", "Yes"));
    await(WAIT, "the reply, read after reconnecting", () -> f.stage(bo).equals("REPLIED"));
    assertThat(auth.refreshCalls.get()).as("one refresh, no storm").isEqualTo(refreshes + 1);
    assertThat(inbox.health().lastError()).isNull();
  }

  @Test
  void aTokenEndpointThatFailsIsAskedOnceAndAgainOnlyAfterItsBackoff() throws Exception {
    auth.tokenEndpointDown = true;
    theAccessTokenExpires();
    int calls = auth.tokenCalls.get();
    int before = gets.get();
    proxy.cut();
    await(WAIT, "the watcher retried several times", () -> gets.get() >= before + 4);
    assertThat(auth.tokenCalls.get())
        .as("one request; the rest wait for its backoff")
        .isEqualTo(calls + 1);
    assertThat(inbox.health().lastError())
        .contains("Could not refresh the OAuth2 access token")
        .contains("temporarily_unavailable (Try later)")
        .contains("next try in 30 s")
        .doesNotContain("refresh-");

    auth.tokenEndpointDown = false;
    clock.advance(Duration.ofSeconds(31));
    dovecot.deliver(Mails.reply(from, sent, "Re: Hello", "Yes"));
    await(WAIT, "the reply, once the endpoint answers again", () -> f.stage(bo).equals("REPLIED"));
    assertThat(auth.tokenCalls.get()).isEqualTo(calls + 2);
  }

  @Test
  void revokedConsentStopsTheWatcherWithOneClearMessage() throws Exception {
    auth.revokeConsent();
    theAccessTokenExpires();
    int calls = auth.tokenCalls.get();
    proxy.cut();
    await(
        WAIT,
        "the watcher says to sign in again",
        () -> String.valueOf(inbox.health().lastError()).contains("sign in again: rapport login"));
    assertThat(inbox.health().lastError())
        .contains("no longer accepts rapport's sign-in (invalid_grant")
        .doesNotContain("refresh-")
        .doesNotContain("access-");
    assertThat(auth.tokenCalls.get()).isEqualTo(calls + 1);
    assertThat(tokens.problem()).get().asString().contains("sign in again: rapport login");
    // Asked again (the dashboard, doctor, the next reconnect): answered from the file, no request.
    for (int i = 0; i < 3; i++) assertThat(tokens.problem()).isPresent();
    assertThat(auth.tokenCalls.get()).isEqualTo(calls + 1);
  }

  /** A clock the test moves: AccessTokens decides expiry by it. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
