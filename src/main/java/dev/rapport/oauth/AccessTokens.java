package dev.rapport.oauth;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.rapport.mail.Backoff;
import dev.rapport.mail.BearerToken;
import dev.rapport.mail.MailException;
import dev.rapport.mail.SignInRequired;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for the signed-in account, shared by SMTP and IMAP in one process: the saved one
 * while it has more than {@link #MARGIN} to live, else a refresh. A refused token ({@link
 * #rejected}) is refreshed on the next {@link #get}. When the provider answers invalid_grant
 * (consent revoked or expired) the sign-in is marked signed out in its file and every later get
 * fails at once with the same message, without a network call, until {@code rapport login} saves a
 * new sign-in. A token endpoint that cannot be reached is tried again only after a backoff.
 */
public final class AccessTokens implements BearerToken {
  /** Refreshed this long before expiry, so a token never expires between fetch and login. */
  public static final Duration MARGIN = Duration.ofMinutes(2);

  private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);
  private final TokenClient client;
  private final SignInFile file;
  private final Clock clock;
  private final String mechanism;
  private StoredSignIn current;
  private boolean rejected;
  private Duration backoff = Duration.ZERO;
  private Instant nextTry = Instant.MIN;
  private MailException lastFailure;
  private Instant seenModified = Instant.MIN;

  public AccessTokens(TokenClient client, SignInFile file, Clock clock, String mechanism) {
    this.client = client;
    this.file = file;
    this.clock = clock;
    this.mechanism = mechanism;
  }

  @Override
  public String mechanism() {
    return mechanism;
  }

  @Override
  public synchronized void rejected() {
    rejected = true;
  }

  @Override
  public synchronized String get() {
    StoredSignIn s = load();
    Instant now = clock.instant();
    if (!rejected
        && s.accessToken() != null
        && s.expiresAt() != null
        && s.expiresAt().isAfter(now.plus(MARGIN))) {
      return s.accessToken();
    }
    return refresh(s, now);
  }

  /** The reason mail is stopped, for doctor and the status page; empty while signed in. */
  public synchronized Optional<String> problem() {
    try {
      load();
      return lastFailure == null ? Optional.empty() : Optional.of(lastFailure.getMessage());
    } catch (MailException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The sign-in from its file, re-read when another process (rapport login) has changed it. */
  private StoredSignIn load() {
    Instant modified = file.modified();
    if (current == null || !modified.equals(seenModified)) {
      seenModified = modified;
      current = file.read().orElse(null);
      rejected = false;
      lastFailure = null;
      nextTry = Instant.MIN;
      backoff = Duration.ZERO;
    }
    if (current == null) {
      throw new SignInRequired(
          "Not signed in to "
              + client.provider()
              + " yet (no "
              + file.path()
              + "): run 'rapport login'.");
    }
    if (current.signedOut() != null) throw new SignInRequired(signedOutMessage(current));
    if (current.refreshToken() == null)
      throw new SignInRequired("The saved sign-in has no refresh token; " + SignInRequired.ADVICE);
    return current;
  }

  private String signedOutMessage(StoredSignIn s) {
    return client.provider()
        + " no longer accepts rapport's sign-in ("
        + s.signedOut()
        + "); reading and sending have stopped: "
        + SignInRequired.ADVICE;
  }

  private String refresh(StoredSignIn s, Instant now) {
    if (now.isBefore(nextTry) && lastFailure != null) throw lastFailure;
    Tokens tokens;
    try {
      tokens = client.exchange(new RefreshTokenGrant(new RefreshToken(s.refreshToken())), null);
    } catch (OAuthRefused e) {
      if (e.code().equals("invalid_grant")) {
        StoredSignIn out =
            new StoredSignIn(null, null, null, "invalid_grant: consent revoked or expired", now);
        file.write(out);
        current = out;
        seenModified = file.modified();
        String message = signedOutMessage(out);
        log.error("{}", message);
        throw new SignInRequired(message);
      }
      throw failed(e, now);
    } catch (SignInRequired e) {
      throw e;
    } catch (MailException e) {
      throw failed(e, now);
    }
    long lifetime = tokens.getAccessToken().getLifetime();
    Instant expires = now.plusSeconds(lifetime > 0 ? lifetime : 3600);
    String refreshToken =
        tokens.getRefreshToken() != null ? tokens.getRefreshToken().getValue() : s.refreshToken();
    StoredSignIn fresh =
        new StoredSignIn(refreshToken, tokens.getAccessToken().getValue(), expires, null, now);
    file.write(fresh);
    current = fresh;
    seenModified = file.modified();
    rejected = false;
    lastFailure = null;
    backoff = Duration.ZERO;
    nextTry = Instant.MIN;
    log.info("refreshed the OAuth2 access token (valid until {})", expires);
    return fresh.accessToken();
  }

  /** Not again before the backoff: a token endpoint that is down is not hammered. */
  private MailException failed(MailException e, Instant now) {
    backoff = Backoff.next(backoff, Duration.ofSeconds(30), Duration.ofMinutes(15), false);
    nextTry = now.plus(backoff);
    lastFailure =
        new MailException(
            "Could not refresh the OAuth2 access token: "
                + e.getMessage()
                + " (next try in "
                + backoff.toSeconds()
                + " s)",
            e);
    log.warn("{}", lastFailure.getMessage());
    return lastFailure;
  }
}
