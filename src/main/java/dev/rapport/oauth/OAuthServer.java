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
 * http://localhost}, others take {@code 127.0.0.1} (RFC 8252 7.3).
 */
public record OAuthServer(
    String provider,
    URI authorize,
    URI token,
    URI device,
    List<String> scopes,
    Map<String, String> extraAuthorizeParameters,
    String redirectHost) {

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
              "the authorization server",
              c.authorizeUrl(),
              c.tokenUrl(),
              c.deviceUrl(),
              c.scopes(),
              Map.of(),
              "127.0.0.1");
    };
  }

  private static URI or(URI configured, String preset) {
    return configured != null ? configured : URI.create(preset);
  }
}
