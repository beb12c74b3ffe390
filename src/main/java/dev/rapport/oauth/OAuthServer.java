package dev.rapport.oauth;

import dev.rapport.config.Config;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Where a provider signs people in and what mail access is called there: the presets for Google and
 * Microsoft, with whatever the config overrides (tests point them at a server on 127.0.0.1). {@code
 * device} is null where the provider offers no device grant for mail scopes. {@code redirectHost}
 * is the loopback name the redirect URL uses: Microsoft's app registration names {@code
 * http://localhost}, others take {@code 127.0.0.1} (RFC 8252 7.3). {@code issuer}, for a custom
 * provider, is where {@link IssuerDiscovery} finds the endpoints the config leaves out; {@code
 * basicAuth}: the token endpoint wants the client secret in an Authorization header rather than the
 * form (its metadata says it takes only client_secret_basic).
 */
public record OAuthServer(
    String provider,
    URI authorize,
    URI token,
    URI device,
    List<String> scopes,
    Map<String, String> extraAuthorizeParameters,
    String redirectHost,
    URI issuer,
    boolean basicAuth) {

  public OAuthServer(
      String provider,
      URI authorize,
      URI token,
      URI device,
      List<String> scopes,
      Map<String, String> extraAuthorizeParameters,
      String redirectHost) {
    this(
        provider,
        authorize,
        token,
        device,
        scopes,
        extraAuthorizeParameters,
        redirectHost,
        null,
        false);
  }

  /** True while an issuer is named and its discovery document has not been read yet. */
  boolean needsDiscovery() {
    return issuer != null;
  }

  /**
   * The endpoints the config left out, from the issuer's metadata; the config's own win. Without
   * configured scopes, offline_access is asked for where the server offers it (for a refresh
   * token).
   */
  OAuthServer discovered(com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata m) {
    List<String> scope = scopes;
    if (scope.isEmpty() && m.getScopes() != null && m.getScopes().contains("offline_access"))
      scope = List.of("offline_access");
    var methods = m.getTokenEndpointAuthMethods();
    boolean basicOnly =
        methods != null
            && methods.contains(
                com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            && !methods.contains(
                com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.CLIENT_SECRET_POST);
    return new OAuthServer(
        provider,
        authorize != null ? authorize : m.getAuthorizationEndpointURI(),
        token != null ? token : m.getTokenEndpointURI(),
        device != null ? device : m.getDeviceAuthorizationEndpointURI(),
        scope,
        extraAuthorizeParameters,
        redirectHost,
        null,
        basicOnly);
  }

  static final String GOOGLE_SCOPE = "https://mail.google.com/";
  static final List<String> MICROSOFT_SCOPES =
      List.of(
          "https://outlook.office.com/IMAP.AccessAsUser.All",
          "https://outlook.office.com/SMTP.Send",
          "offline_access");

  public static OAuthServer of(Config.OAuth2 c) {
    return switch (c.provider()) {
      case "google" ->
          new OAuthServer(
              "Google",
              or(c.authorizeUrl(), "https://accounts.google.com/o/oauth2/v2/auth"),
              or(c.tokenUrl(), "https://oauth2.googleapis.com/token"),
              // Google's device grant does not allow the mail scope: only an override enables it.
              c.deviceUrl(),
              c.scopes().isEmpty() ? List.of(GOOGLE_SCOPE) : c.scopes(),
              // A refresh token every time, even when consent was given before.
              Map.of("access_type", "offline", "prompt", "consent"),
              "127.0.0.1");
      case "microsoft" -> {
        String base = "https://login.microsoftonline.com/" + c.tenant() + "/oauth2/v2.0/";
        yield new OAuthServer(
            "Microsoft",
            or(c.authorizeUrl(), base + "authorize"),
            or(c.tokenUrl(), base + "token"),
            or(c.deviceUrl(), base + "devicecode"),
            c.scopes().isEmpty() ? MICROSOFT_SCOPES : c.scopes(),
            Map.of(),
            "localhost");
      }
      default ->
          new OAuthServer(
              c.issuer() == null ? "the authorization server" : c.issuer().getHost(),
              c.authorizeUrl(),
              c.tokenUrl(),
              c.deviceUrl(),
              c.scopes(),
              Map.of(),
              "127.0.0.1",
              c.issuer(),
              false);
    };
  }

  private static URI or(URI configured, String preset) {
    return configured != null ? configured : URI.create(preset);
  }
}
