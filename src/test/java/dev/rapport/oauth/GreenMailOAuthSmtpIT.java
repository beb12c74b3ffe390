package dev.rapport.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rapport.config.Config;
import dev.rapport.config.Config.Security;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailLogin;
import dev.rapport.mail.MailSessions;
import dev.rapport.outbox.SmtpLogin;
import dev.rapport.testing.FreePorts;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SMTP AUTH XOAUTH2 against GreenMail, which checks the access token as the user's password: the
 * test gives GreenMail each token the local authorization server issues.
 */
class GreenMailOAuthSmtpIT {
  static final String USER = "ada@example.org";
  @TempDir Path dir;
  MockAuthServer auth;
  GreenMail greenMail;
  GreenMailUser user;

  @BeforeEach
  void start() throws Exception {
    auth = new MockAuthServer();
    greenMail =
        new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    user = greenMail.setUser(USER, USER, "no-token-yet");
    auth.onIssue = token -> user.setPassword(token);
  }

  @AfterEach
  void stop() {
    greenMail.stop();
    auth.close();
  }

  AccessTokens signedIn() throws Exception {
    Config.OAuth2 c = LoginIT.config(dir, auth.yaml("custom", ""));
    new SignInFile(dir.resolve("data"))
        .write(new StoredSignIn(auth.grantedRefreshToken(), null, null, null, Instant.now()));
    return (AccessTokens) SignIns.bearer(c, dir.resolve("data"), Map.of(), Clock.systemUTC());
  }

  Endpoint smtp(AccessTokens tokens) {
    return new Endpoint("127.0.0.1", greenMail.getSmtp().getPort(), Security.NONE, USER, tokens);
  }

  static void send(Endpoint e) throws Exception {
    Session session = MailSessions.smtp(e);
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(USER));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.com"));
    m.setSubject("Hello");
    m.setText("Hi Bob");
    try (Transport t = session.getTransport(MailSessions.smtpProtocol(e))) {
      MailLogin.connect(t, e);
      t.sendMessage(m, m.getAllRecipients());
    }
  }

  @Test
  void xoauth2SignsInAndSends() throws Exception {
    Endpoint e = smtp(signedIn());
    assertThat(SmtpLogin.problem(e)).isEmpty();
    send(e);
    assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(auth.refreshCalls.get()).isEqualTo(1); // one refresh, then the saved token serves
  }

  @Test
  void aTokenRefusedBeforeExpiryIsRefreshedOnceAndTheSendGoesOut() throws Exception {
    AccessTokens tokens = signedIn();
    Endpoint e = smtp(tokens);
    send(e);
    user.setPassword("revoked-by-the-server");
    send(e);
    assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
    assertThat(auth.refreshCalls.get()).isEqualTo(2);
  }

  @Test
  void anAccessTokenCloseToItsExpiryIsRefreshedBeforeTheLogin() throws Exception {
    auth.expiresIn = 60; // less than AccessTokens.MARGIN: each use refreshes first
    AccessTokens tokens = signedIn();
    Endpoint e = smtp(tokens);
    send(e);
    send(e);
    assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
    assertThat(auth.refreshCalls.get()).isEqualTo(2);
    auth.expiresIn = 3600;
    send(e);
    send(e);
    assertThat(auth.refreshCalls.get()).isEqualTo(3);
  }

  @Test
  void revokedConsentIsOneRefusalWithTheAdviceAndNoMoreTokenCalls() throws Exception {
    AccessTokens tokens = signedIn();
    Endpoint e = smtp(tokens);
    send(e);
    auth.revokeConsent();
    user.setPassword("revoked-by-the-server");
    int calls = auth.tokenCalls.get();
    for (int i = 0; i < 3; i++)
      assertThat(SmtpLogin.problem(e)).get().asString().contains("sign in again: rapport login");
    assertThat(auth.tokenCalls.get()).isEqualTo(calls + 1);
  }
}
