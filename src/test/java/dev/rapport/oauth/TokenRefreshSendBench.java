package dev.rapport.oauth;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rapport.config.Config;
import dev.rapport.config.Config.Security;
import dev.rapport.mail.Endpoint;
import dev.rapport.testing.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * The delay a token refresh adds to a send: {@code n} sends over SMTP XOAUTH2 to GreenMail with a
 * saved, fresh access token, then {@code n} sends each needing a refresh first (the authorization
 * server on 127.0.0.1 issues tokens that expire within the refresh margin). Each send is a new
 * connection, login and one message, as the outbox's first send of a pass.
 *
 * <p>{@code mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt && java -cp
 * target/classes:target/test-classes:$(cat cp.txt) dev.rapport.oauth.TokenRefreshSendBench 50}. A
 * benchmark, not a test: numbers are printed, never asserted.
 */
public final class TokenRefreshSendBench {
  private TokenRefreshSendBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Path dir = Files.createTempDirectory("rapport-oauth-bench");
    try (MockAuthServer auth = new MockAuthServer()) {
      GreenMail greenMail =
          new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
      try {
        var user = greenMail.setUser("ada@example.org", "ada@example.org", "none");
        auth.onIssue = user::setPassword;
        Config.OAuth2 c = LoginIT.config(dir, auth.yaml("custom", ""));
        new SignInFile(dir.resolve("data"))
            .write(new StoredSignIn(auth.grantedRefreshToken(), null, null, null, Instant.now()));
        AccessTokens tokens =
            (AccessTokens) SignIns.bearer(c, dir.resolve("data"), Map.of(), Clock.systemUTC());
        Endpoint e =
            new Endpoint(
                "127.0.0.1",
                greenMail.getSmtp().getPort(),
                Security.NONE,
                "ada@example.org",
                tokens);
        for (int i = 0; i < 10; i++) GreenMailOAuthSmtpIT.send(e); // warm-up
        long[] fresh = new long[n];
        for (int i = 0; i < n; i++) fresh[i] = timed(e);
        auth.expiresIn = 30; // inside the margin: every get refreshes
        tokens.rejected();
        GreenMailOAuthSmtpIT.send(e);
        int before = auth.refreshCalls.get();
        long[] refreshing = new long[n];
        for (int i = 0; i < n; i++) refreshing[i] = timed(e);
        long[] refreshOnly = new long[n];
        for (int i = 0; i < n; i++) {
          long t = System.nanoTime();
          tokens.get(); // a refresh: the token expires within the margin
          refreshOnly[i] = System.nanoTime() - t;
        }
        System.out.printf(
            "the refresh alone:         median %.1f ms, p95 %.1f ms%n",
            median(refreshOnly) / 1e6, p95(refreshOnly) / 1e6);
        System.out.printf(
            "send with a saved token:   median %.1f ms, p95 %.1f ms%n",
            median(fresh) / 1e6, p95(fresh) / 1e6);
        System.out.printf(
            "send with a refresh first: median %.1f ms, p95 %.1f ms (%d refreshes)%n",
            median(refreshing) / 1e6, p95(refreshing) / 1e6, auth.refreshCalls.get() - before);
        System.out.printf(
            "delay a refresh adds:      median %.1f ms%n",
            (median(refreshing) - median(fresh)) / 1e6);
      } finally {
        greenMail.stop();
      }
    }
  }

  private static long timed(Endpoint e) throws Exception {
    long t = System.nanoTime();
    GreenMailOAuthSmtpIT.send(e);
    return System.nanoTime() - t;
  }

  private static double median(long[] a) {
    long[] s = a.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double p95(long[] a) {
    long[] s = a.clone();
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.round(s.length * 0.95))];
  }
}
