package dev.rapport.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.rapport.config.Config;
import dev.rapport.mail.MailException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Signs the user in and saves the refresh token in the data folder: in the browser (authorization
 * code with PKCE S256 and a {@code state}, redirected to a listener on 127.0.0.1, RFC 8252), or
 * with a code typed on another device (RFC 8628). Used by {@code rapport login} and by {@code
 * rapport setup}; prints only URLs, codes and outcomes, never a token.
 */
public final class Login {
  /** How long a sign-in waits for the user at most. */
  public static final Duration WAIT = Duration.ofMinutes(5);

  private final Config.OAuth2 config;
  private final TokenClient client;
  private final SignInFile file;
  private final Clock clock;
  private final PrintWriter out;
  private Duration wait = WAIT;
  private Duration slowDownStep = Duration.ofSeconds(5);
  private Predicate<URI> browser = SystemBrowser::open;

  /**
   * What a successful sign-in saved; {@code missingScopes}: what was asked for and not granted (the
   * server named the scopes it granted and these were not among them).
   */
  public record Result(
      String provider, Path file, Instant accessTokenExpires, List<String> missingScopes) {}

  /** Asked for, but not named back by servers that grant them (Microsoft omits these). */
  private static final Set<String> NOT_ECHOED =
      Set.of("offline_access", "openid", "profile", "email");

  public Login(
      Config.OAuth2 config,
      Path dataFolder,
      Map<String, String> env,
      Clock clock,
      PrintWriter out) {
    if (config.tokenCommand() != null) {
      throw new MailException(
          "oauth2.token_command is set: that command signs in, rapport login has nothing to do.");
    }
    this.config = config;
    this.client = new TokenClient(OAuthServer.of(config), config, env);
    this.file = new SignInFile(dataFolder);
    this.clock = clock;
    this.out = out;
  }

  /** Waits at most this long for the user (default {@link #WAIT}). */
  public Login waitingAtMost(Duration d) {
    this.wait = d;
    return this;
  }

  /** How the browser is opened; returns false when it could not be (the URL is printed then). */
  public Login openingWith(Predicate<URI> opener) {
    this.browser = opener;
    return this;
  }

  /** The extra wait a device-grant {@code slow_down} adds (RFC 8628: 5 s). */
  Login slowingDownBy(Duration step) {
    this.slowDownStep = step;
    return this;
  }

  /**
   * Authorization code with PKCE. With {@code openBrowser} false, prints one line {@code Open
   * <URL>} and waits for the redirect.
   */
  public Result inBrowser(boolean openBrowser) {
    OAuthServer server = client.server();
    CodeVerifier verifier = new CodeVerifier();
    State state = new State();
    try (LoopbackRedirect listener =
        LoopbackRedirect.start(server.redirectHost(), uri -> judge(uri, state))) {
      AuthorizationRequest.Builder request =
          new AuthorizationRequest.Builder(
                  new ResponseType(ResponseType.Value.CODE), client.clientId())
              .endpointURI(server.authorize())
              .redirectionURI(listener.uri())
              .scope(scope())
              .state(state)
              .codeChallenge(verifier, CodeChallengeMethod.S256);
      server.extraAuthorizeParameters().forEach(request::customParameter);
      URI url = request.build().toURI();
      if (openBrowser && browser.test(url)) {
        out.println(
            "Opened your browser at "
                + server.provider()
                + "'s sign-in page; waiting for you (at most "
                + wait.toMinutes()
                + " minutes). If no page opened: Open "
                + url);
      } else {
        out.println("Open " + url);
      }
      out.flush();
      AuthorizationCode code = (AuthorizationCode) listener.await(wait);
      Tokens tokens =
          client.exchange(new AuthorizationCodeGrant(code, listener.uri(), verifier), null);
      return save(tokens);
    }
  }

  /** The device authorization grant: a code to enter at a URL on any device. */
  public Result onAnotherDevice() {
    DeviceAuthorizationSuccessResponse d = client.startDevice(scope());
    URI complete = d.getVerificationURIComplete();
    out.println(
        "Open "
            + d.getVerificationURI()
            + " on any device and enter the code "
            + d.getUserCode().getValue()
            + (complete == null ? "" : " (or open " + complete + ")"));
    out.flush();
    Instant now = clock.instant();
    long lifetime = d.getLifetime() > 0 ? d.getLifetime() : wait.toSeconds();
    Instant deadline = now.plus(min(Duration.ofSeconds(lifetime), wait));
    Duration interval = Duration.ofSeconds(d.getInterval() > 0 ? d.getInterval() : 5);
    while (true) {
      pause(interval);
      if (clock.instant().isAfter(deadline)) {
        throw new MailException(
            "The code was not entered in time; nothing saved. Run 'rapport login --device' again.");
      }
      try {
        return save(client.exchange(new DeviceCodeGrant(d.getDeviceCode()), null));
      } catch (OAuthRefused e) {
        switch (e.code()) {
          case "authorization_pending" -> {}
          case "slow_down" -> interval = interval.plus(slowDownStep);
          case "access_denied" ->
              throw new MailException("The sign-in was declined (access_denied); nothing saved.");
          case "expired_token" ->
              throw new MailException(
                  "The code expired before it was entered; nothing saved. Run 'rapport login --device' again.");
          default -> throw e;
        }
      }
    }
  }

  private Scope scope() {
    return new Scope(client.server().scopes().toArray(String[]::new));
  }

  /** Checks a redirect: the state this sign-in sent, and a code rather than an error. */
  private LoopbackRedirect.Answer<AuthorizationCode> judge(URI redirect, State state) {
    AuthorizationResponse response;
    try {
      response = AuthorizationResponse.parse(redirect);
    } catch (ParseException e) {
      MailException refusal =
          new MailException(
              "The sign-in's redirect could not be read (" + e.getMessage() + "); nothing saved.");
      return new LoopbackRedirect.Answer<>(refusal.getMessage(), null, refusal);
    }
    boolean stateMatches = state.equals(response.getState());
    if (!response.indicatesSuccess() && (response.getState() == null || stateMatches)) {
      AuthorizationErrorResponse error = response.toErrorResponse();
      ErrorObject o = error.getErrorObject();
      String reason =
          o.getCode()
              + (o.getDescription() == null || o.getDescription().isBlank()
                  ? ""
                  : " (" + o.getDescription() + ")");
      MailException refusal =
          new MailException(
              "The sign-in was refused by "
                  + client.provider()
                  + ": "
                  + reason
                  + "; nothing saved.");
      return new LoopbackRedirect.Answer<>(refusal.getMessage(), null, refusal);
    }
    if (!stateMatches) {
      MailException refusal =
          new MailException(
              "Refused a redirect whose state does not match this sign-in (it was not started by"
                  + " this 'rapport login'); nothing saved. Run 'rapport login' again.");
      return new LoopbackRedirect.Answer<>(refusal.getMessage(), null, refusal);
    }
    return new LoopbackRedirect.Answer<>(
        "Signed in. You can close this tab and return to rapport.",
        response.toSuccessResponse().getAuthorizationCode(),
        null);
  }

  private Result save(Tokens tokens) {
    if (tokens.getRefreshToken() == null) {
      throw new MailException(
          client.provider()
              + " gave no refresh token, so rapport could not stay signed in"
              + (config.provider().equals("microsoft")
                  ? " (is offline_access among the scopes?)"
                  : "")
              + "; nothing saved.");
    }
    Instant now = clock.instant();
    long lifetime = tokens.getAccessToken().getLifetime();
    Instant expires = now.plusSeconds(lifetime > 0 ? lifetime : 3600);
    file.write(
        new StoredSignIn(
            tokens.getRefreshToken().getValue(),
            tokens.getAccessToken().getValue(),
            expires,
            null,
            now));
    List<String> missing = missingScopes(tokens.getAccessToken().getScope());
    if (!missing.isEmpty()) {
      out.println(
          "Warning: "
              + client.provider()
              + " granted less access than rapport asked for; missing: "
              + String.join(" ", missing)
              + ". Reading or sending may be refused: run 'rapport login' again and allow all the"
              + " access asked for (or check oauth2.scopes).");
      out.flush();
    }
    return new Result(client.provider(), file.path(), expires, missing);
  }

  /** The scopes asked for that a granted scope list leaves out; none when the server names none. */
  List<String> missingScopes(Scope granted) {
    if (granted == null) return List.of();
    return client.server().scopes().stream()
        .filter(s -> !NOT_ECHOED.contains(s) && !granted.contains(s))
        .toList();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailException("Interrupted while waiting for the sign-in.", e);
    }
  }
}
