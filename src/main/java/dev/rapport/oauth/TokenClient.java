package dev.rapport.oauth;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.rapport.config.Config;
import dev.rapport.config.PasswordSource;
import dev.rapport.mail.MailException;
import dev.rapport.mail.PasswordResolver;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import net.minidev.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to the token and device endpoints through the Nimbus OAuth 2.0 SDK: this client's id and,
 * for confidential clients, its secret: in the form body (client_secret_post, as Google's installed
 * apps expect) unless the server's metadata names only client_secret_basic; a server answering
 * invalid_client is asked once more the other way, which is then kept. A custom provider named by
 * its issuer is discovered on first use ({@link IssuerDiscovery}). Every call has a timeout; errors
 * carry the server's error code and description, never a token or the secret.
 */
public final class TokenClient {
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Logger log = LoggerFactory.getLogger(TokenClient.class);
  private final String provider;
  private final ClientID clientId;
  private final PasswordSource secret;
  private final Map<String, String> env;
  private OAuthServer server;
  private boolean basic;

  public TokenClient(OAuthServer server, Config.OAuth2 config, Map<String, String> env) {
    this.server = server;
    this.provider = server.provider();
    this.clientId = new ClientID(config.clientId());
    this.secret = config.clientSecret();
    this.env = env;
    this.basic = server.basicAuth();
  }

  /** The provider's name, for messages; never a network call. */
  public String provider() {
    return provider;
  }

  /** The endpoints, discovered from the issuer on first use when the config names one. */
  public synchronized OAuthServer server() {
    if (server.needsDiscovery()) {
      server = IssuerDiscovery.complete(server);
      basic = server.basicAuth();
    }
    return server;
  }

  public ClientID clientId() {
    return clientId;
  }

  /** The tokens a grant (code, refresh token, device code) is exchanged for. */
  public Tokens exchange(AuthorizationGrant grant, Scope scope) {
    OAuthServer s = server();
    HTTPResponse response =
        authenticated(
            "token",
            auth ->
                auth == null
                    ? new TokenRequest(s.token(), clientId, grant, scope).toHTTPRequest()
                    : new TokenRequest(s.token(), auth, grant, scope).toHTTPRequest());
    try {
      TokenResponse parsed = TokenResponse.parse(response);
      if (!parsed.indicatesSuccess())
        throw refused(parsed.toErrorResponse().getErrorObject(), response);
      return parsed.toSuccessResponse().getTokens();
    } catch (ParseException e) {
      throw unreadable("token", response, e);
    }
  }

  /** Starts a device authorization (RFC 8628 3.1). */
  public DeviceAuthorizationSuccessResponse startDevice(Scope scope) {
    OAuthServer s = server();
    if (s.device() == null) {
      throw new MailException(
          provider
              + " offers no device sign-in for mail access; run 'rapport login' without --device"
              + " (with --no-browser on a machine without a browser)");
    }
    HTTPResponse response =
        authenticated(
            "device authorization",
            auth ->
                auth == null
                    ? new DeviceAuthorizationRequest(s.device(), clientId, scope).toHTTPRequest()
                    : new DeviceAuthorizationRequest(s.device(), auth, scope, Map.of())
                        .toHTTPRequest());
    try {
      DeviceAuthorizationResponse parsed = DeviceAuthorizationResponse.parse(response);
      if (!parsed.indicatesSuccess())
        throw refused(parsed.toErrorResponse().getErrorObject(), response);
      return parsed.toSuccessResponse();
    } catch (ParseException e) {
      throw unreadable("device authorization", response, e);
    }
  }

  /**
   * Sends a request with this client's authentication; a confidential client refused with
   * invalid_client tries the other way of sending its secret once (basic or post) and keeps it.
   */
  private HTTPResponse authenticated(
      String endpoint, Function<ClientAuthentication, HTTPRequest> request) {
    if (secret == null) return send(request.apply(null), endpoint);
    Secret s = clientSecret();
    HTTPResponse response = send(request.apply(auth(basic, s)), endpoint);
    if (response.getStatusCode() == 400 || response.getStatusCode() == 401) {
      if ("invalid_client".equals(errorCode(response))) {
        HTTPResponse other = send(request.apply(auth(!basic, s)), endpoint);
        if (!"invalid_client".equals(errorCode(other))) {
          basic = !basic;
          log.info(
              "the {} endpoint of {} wants the client secret as {}; using that from now on",
              endpoint,
              provider,
              basic ? "client_secret_basic" : "client_secret_post");
        }
        return other;
      }
    }
    return response;
  }

  private ClientAuthentication auth(boolean basic, Secret s) {
    return basic ? new ClientSecretBasic(clientId, s) : new ClientSecretPost(clientId, s);
  }

  private Secret clientSecret() {
    return new Secret(new PasswordResolver(env).resolve(secret, "the OAuth2 client secret"));
  }

  private HTTPResponse send(HTTPRequest request, String endpoint) {
    request.setConnectTimeout((int) TIMEOUT.toMillis());
    request.setReadTimeout((int) TIMEOUT.toMillis());
    // Some servers answer in form encoding unless JSON is asked for.
    request.setAccept("application/json");
    try {
      return lenient(request.send());
    } catch (IOException e) {
      throw new MailException(
          "Could not reach the "
              + endpoint
              + " endpoint of "
              + provider
              + " ("
              + request.getURL().getHost()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * What servers seen in the wild send, made readable: JSON labelled text/plain, no token_type or
   * an odd one (the token is used as a bearer token either way), expires_in as text, or unreadable
   * (then it is left out and the default lifetime applies; a token refused earlier is refreshed).
   */
  static HTTPResponse lenient(HTTPResponse r) {
    String body = r.getBody();
    if (body == null || !body.strip().startsWith("{")) return r;
    JSONObject o;
    try {
      o = JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      return r;
    }
    if (r.indicatesSuccess() && o.containsKey("access_token")) {
      Object type = o.get("token_type");
      if (!(type instanceof String t)
          || !(t.equalsIgnoreCase("bearer") || t.equalsIgnoreCase("dpop")))
        o.put("token_type", "Bearer");
      Object expires = o.get("expires_in");
      if (expires != null && !(expires instanceof Number)) {
        try {
          o.put("expires_in", (long) Double.parseDouble(expires.toString().strip()));
        } catch (NumberFormatException e) {
          o.remove("expires_in");
          log.warn("the token endpoint's expires_in is not a number; assuming one hour");
        }
      }
    }
    HTTPResponse copy = new HTTPResponse(r.getStatusCode());
    @SuppressWarnings("unchecked")
    Map<String, java.util.List<String>> headers = r.getHeaderMap();
    headers.forEach((k, v) -> copy.setHeader(k, v.toArray(String[]::new)));
    copy.setEntityContentType(ContentType.APPLICATION_JSON);
    copy.setContent(o.toJSONString());
    return copy;
  }

  private static String errorCode(HTTPResponse r) {
    try {
      Object code = JSONObjectUtils.parse(r.getBody()).get("error");
      return code == null ? null : code.toString();
    } catch (ParseException | RuntimeException e) {
      return null;
    }
  }

  private OAuthRefused refused(ErrorObject error, HTTPResponse response) {
    String code = error == null || error.getCode() == null ? null : error.getCode();
    String description = error == null ? null : error.getDescription();
    String said =
        code != null ? code : "HTTP " + response.getStatusCode() + " without an OAuth2 error code";
    return new OAuthRefused(
        code == null ? "unknown_error" : code,
        provider
            + " refused: "
            + said
            + (description == null || description.isBlank() ? "" : " (" + description + ")"));
  }

  private MailException unreadable(String endpoint, HTTPResponse response, ParseException e) {
    return new MailException(
        "The "
            + endpoint
            + " endpoint of "
            + provider
            + " gave an answer rapport cannot read (HTTP "
            + response.getStatusCode()
            + "): "
            + e.getMessage());
  }
}
