package dev.rapport.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.rapport.config.Config;
import dev.rapport.config.PasswordSource;
import dev.rapport.mail.MailException;
import dev.rapport.mail.PasswordResolver;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Talks to the token and device endpoints through the Nimbus OAuth 2.0 SDK: this client's id and,
 * for confidential clients, its secret (sent in the form body, as Google's installed apps expect).
 * Every call has a timeout; errors carry the server's error code, never a token or the secret.
 */
public final class TokenClient {
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  private final OAuthServer server;
  private final ClientID clientId;
  private final PasswordSource secret;
  private final Map<String, String> env;

  public TokenClient(OAuthServer server, Config.OAuth2 config, Map<String, String> env) {
    this.server = server;
    this.clientId = new ClientID(config.clientId());
    this.secret = config.clientSecret();
    this.env = env;
  }

  public OAuthServer server() {
    return server;
  }

  public ClientID clientId() {
    return clientId;
  }

  /** The tokens a grant (code, refresh token, device code) is exchanged for. */
  public Tokens exchange(AuthorizationGrant grant, Scope scope) {
    TokenRequest request =
        secret == null
            ? new TokenRequest(server.token(), clientId, grant, scope)
            : new TokenRequest(
                server.token(), new ClientSecretPost(clientId, clientSecret()), grant, scope);
    HTTPResponse response = send(request.toHTTPRequest(), "token");
    try {
      TokenResponse parsed = TokenResponse.parse(response);
      if (!parsed.indicatesSuccess()) throw refused(parsed.toErrorResponse().getErrorObject());
      return parsed.toSuccessResponse().getTokens();
    } catch (ParseException e) {
      throw unreadable("token", response, e);
    }
  }

  /** Starts a device authorization (RFC 8628 3.1). */
  public DeviceAuthorizationSuccessResponse startDevice(Scope scope) {
    if (server.device() == null) {
      throw new MailException(
          server.provider()
              + " offers no device sign-in for mail access; run 'rapport login' without --device"
              + " (with --no-browser on a machine without a browser)");
    }
    DeviceAuthorizationRequest request =
        secret == null
            ? new DeviceAuthorizationRequest(server.device(), clientId, scope)
            : new DeviceAuthorizationRequest(
                server.device(), new ClientSecretPost(clientId, clientSecret()), scope, Map.of());
    HTTPResponse response = send(request.toHTTPRequest(), "device authorization");
    try {
      DeviceAuthorizationResponse parsed = DeviceAuthorizationResponse.parse(response);
      if (!parsed.indicatesSuccess()) throw refused(parsed.toErrorResponse().getErrorObject());
      return parsed.toSuccessResponse();
    } catch (ParseException e) {
      throw unreadable("device authorization", response, e);
    }
  }

  private Secret clientSecret() {
    return new Secret(new PasswordResolver(env).resolve(secret, "the OAuth2 client secret"));
  }

  private HTTPResponse send(HTTPRequest request, String endpoint) {
    request.setConnectTimeout((int) TIMEOUT.toMillis());
    request.setReadTimeout((int) TIMEOUT.toMillis());
    try {
      return request.send();
    } catch (IOException e) {
      throw new MailException(
          "Could not reach the "
              + endpoint
              + " endpoint of "
              + server.provider()
              + " ("
              + request.getURL().getHost()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private OAuthRefused refused(ErrorObject error) {
    String code = error == null || error.getCode() == null ? "unknown_error" : error.getCode();
    String description = error == null ? null : error.getDescription();
    return new OAuthRefused(
        code,
        server.provider()
            + " refused: "
            + code
            + (description == null || description.isBlank() ? "" : " (" + description + ")"));
  }

  private MailException unreadable(String endpoint, HTTPResponse response, ParseException e) {
    return new MailException(
        "The "
            + endpoint
            + " endpoint of "
            + server.provider()
            + " gave an answer rapport cannot read (HTTP "
            + response.getStatusCode()
            + "): "
            + e.getMessage());
  }
}
