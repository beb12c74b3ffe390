package dev.rapport.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.Config;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OAuthServerTest {
  static Config.OAuth2 of(String provider, String tenant) {
    return new Config.OAuth2(
        provider, "id", null, tenant, null, null, null, List.of(), null, "XOAUTH2");
  }

  @Test
  void googlePresetAsksForFullMailAccessAndHasNoDeviceGrantForIt() {
    OAuthServer g = OAuthServer.of(of("google", null));
    assertThat(g.authorize()).isEqualTo(URI.create("https://accounts.google.com/o/oauth2/v2/auth"));
    assertThat(g.token()).isEqualTo(URI.create("https://oauth2.googleapis.com/token"));
    assertThat(g.scopes()).containsExactly("https://mail.google.com/");
    assertThat(g.device()).isNull();
    assertThat(g.redirectHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void microsoftPresetUsesTheTenantAndOfflineAccess() {
    OAuthServer m = OAuthServer.of(of("microsoft", "consumers"));
    assertThat(m.authorize())
        .isEqualTo(URI.create("https://login.microsoftonline.com/consumers/oauth2/v2.0/authorize"));
    assertThat(m.token())
        .isEqualTo(URI.create("https://login.microsoftonline.com/consumers/oauth2/v2.0/token"));
    assertThat(m.device())
        .isEqualTo(
            URI.create("https://login.microsoftonline.com/consumers/oauth2/v2.0/devicecode"));
    assertThat(m.scopes())
        .containsExactly(
            "https://outlook.office.com/IMAP.AccessAsUser.All",
            "https://outlook.office.com/SMTP.Send",
            "offline_access");
    assertThat(m.redirectHost()).isEqualTo("localhost");
  }
}
