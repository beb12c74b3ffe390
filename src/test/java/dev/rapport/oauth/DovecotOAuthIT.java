package dev.rapport.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.Config;
import dev.rapport.config.Config.Security;
import dev.rapport.mail.DovecotServer;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailLogin;
import dev.rapport.mail.MailSessions;
import dev.rapport.mail.SignInRequired;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IMAP sign-in with OAuth2 access tokens verified by a real Dovecot: its oauth2 passdb asks the
 * local authorization server's introspection endpoint whether each token is active and for whom.
 */
class DovecotOAuthIT {
  static MockAuthServer auth;
  static DovecotServer dovecot;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    DovecotServer.assumeInstalled();
    auth = new MockAuthServer();
    auth.username = DovecotServer.USER;
    dovecot = new DovecotServer(auth.url("/introspect"));
  }

  @AfterAll
  static void stop() {
    if (dovecot != null) dovecot.close();
    if (auth != null) auth.close();
  }

  AccessTokens signedIn(String mechanism) throws Exception {
    Config.OAuth2 c = LoginIT.config(dir, auth.yaml("custom", "  mechanism: " + mechanism + "\n"));
    SignInFile file = new SignInFile(dir.resolve("data"));
    file.write(new StoredSignIn(auth.grantedRefreshToken(), null, null, null, Instant.now()));
    return (AccessTokens) SignIns.bearer(c, dir.resolve("data"), Map.of(), Clock.systemUTC());
  }

  Endpoint endpoint(AccessTokens tokens) {
    return new Endpoint(
        "127.0.0.1", dovecot.imapsPort, Security.TLS, DovecotServer.USER, tokens, dovecot.trust());
  }

  int inboxCount(Endpoint e) throws Exception {
    try (Store store = MailSessions.imap(e).getStore(MailSessions.imapProtocol(e))) {
      MailLogin.connect(store, e);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      int n = inbox.getMessageCount();
      inbox.close(false);
      return n;
    }
  }

  @Test
  void xoauth2IsAcceptedByDovecot() throws Exception {
    int before = auth.introspections.get();
    assertThat(inboxCount(endpoint(signedIn("xoauth2")))).isGreaterThanOrEqualTo(0);
    assertThat(auth.introspections.get()).isGreaterThan(before);
    assertThat(dovecot.log()).contains("method=XOAUTH2");
  }

  @Test
  void oauthBearerIsAcceptedByDovecot() throws Exception {
    int before = auth.introspections.get();
    assertThat(inboxCount(endpoint(signedIn("oauthbearer")))).isGreaterThanOrEqualTo(0);
    assertThat(auth.introspections.get()).isGreaterThan(before);
    assertThat(dovecot.log()).contains("method=OAUTHBEARER");
  }

  @Test
  void aTokenRefusedBeforeItsExpiryIsRefreshedOnceAndTheLoginRetried() throws Exception {
    AccessTokens tokens = signedIn("xoauth2");
    Endpoint e = endpoint(tokens);
    inboxCount(e);
    int refreshes = auth.refreshCalls.get();
    auth.revokeAccessTokens(); // still within its expires_in, but no longer active
    inboxCount(e);
    assertThat(auth.refreshCalls.get()).isEqualTo(refreshes + 1);
  }

  @Test
  void revokedConsentStopsWithOneMessageAndNoRetryStorm() throws Exception {
    AccessTokens tokens = signedIn("xoauth2");
    Endpoint e = endpoint(tokens);
    inboxCount(e);
    auth.revokeConsent();
    int calls = auth.tokenCalls.get();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> inboxCount(e))
          .isInstanceOf(SignInRequired.class)
          .hasMessageContaining("sign in again: rapport login")
          .hasMessageNotContaining("refresh-")
          .hasMessageNotContaining("access-");
    }
    // One refresh after the refused login answered invalid_grant; nothing after that.
    assertThat(auth.tokenCalls.get()).isEqualTo(calls + 1);
    assertThat(tokens.problem()).get().asString().contains("sign in again: rapport login");
    assertThat(new SignInFile(dir.resolve("data")).read().orElseThrow().usable()).isFalse();
  }
}
