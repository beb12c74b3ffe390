package dev.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.Config.Auth;
import java.net.URI;
import org.junit.jupiter.api.Test;

class OAuthConfigTest {
  static final String ACCOUNT =
      """
      me: {name: Ada, email: ada@example.org}
      smtp: {host: smtp.gmail.com, port: 587, username: ada@example.org, auth: oauth2}
      imap: {host: imap.gmail.com, username: ada@example.org, auth: oauth2}
      """;

  static Config parse(String yaml) {
    return ConfigLoader.parse(yaml, null);
  }

  @Test
  void oauth2ServersNeedNoPasswordAndReadTheSection() {
    Config c =
        parse(ACCOUNT + "oauth2: {provider: google, client_id: abc.apps.googleusercontent.com}\n");
    Config.Mail mail = c.mail().orElseThrow();
    assertThat(mail.smtp().auth()).isEqualTo(Auth.OAUTH2);
    assertThat(mail.imap().auth()).isEqualTo(Auth.OAUTH2);
    assertThat(mail.smtp().password()).isNull();
    assertThat(mail.oauth2().provider()).isEqualTo("google");
    assertThat(mail.oauth2().mechanism()).isEqualTo("XOAUTH2");
    assertThat(mail.oauth2().clientSecret()).isNull();
  }

  @Test
  void passwordRemainsTheDefault() {
    Config c =
        parse(
            """
            me: {name: Ada, email: ada@example.org}
            smtp: {host: smtp.example.org, username: ada, password_env: PW}
            imap: {host: imap.example.org, username: ada, password_env: PW}
            """);
    assertThat(c.mail().orElseThrow().smtp().auth()).isEqualTo(Auth.PASSWORD);
    assertThat(c.mail().orElseThrow().usesOAuth2()).isFalse();
  }

  @Test
  void microsoftDefaultsToTheCommonTenant() {
    Config c = parse(ACCOUNT + "oauth2: {provider: microsoft, client_id: 1234}\n");
    assertThat(c.mail().orElseThrow().oauth2().tenant()).isEqualTo("common");
  }

  @Test
  void theSectionIsRequiredWithAuthOauth2() {
    assertThatThrownBy(() -> parse(ACCOUNT))
        .hasMessageContaining("oauth2: required key is missing");
  }

  @Test
  void aPasswordBesideAuthOauth2IsNamed() {
    assertThatThrownBy(
            () ->
                parse(
                    ACCOUNT.replace("auth: oauth2}", "auth: oauth2, password_env: PW}")
                        + "oauth2: {provider: google, client_id: x}\n"))
        .hasMessageContaining("smtp.password_env: not used with auth: oauth2");
  }

  @Test
  void plainHttpEndpointsOnlyToThisMachine() {
    Config ok =
        parse(
            ACCOUNT
                + "oauth2: {provider: google, client_id: x, token_url: 'http://127.0.0.1:8080/token'}\n");
    assertThat(ok.mail().orElseThrow().oauth2().tokenUrl())
        .isEqualTo(URI.create("http://127.0.0.1:8080/token"));
    assertThatThrownBy(
            () ->
                parse(
                    ACCOUNT
                        + "oauth2: {provider: google, client_id: x, token_url: 'http://auth.example.org/token'}\n"))
        .hasMessageContaining("oauth2.token_url: http:// is allowed only to this machine");
  }

  @Test
  void customProvidersNameTheirEndpointsAndScopes() {
    assertThatThrownBy(() -> parse(ACCOUNT + "oauth2: {provider: custom, client_id: x}\n"))
        .hasMessageContaining("oauth2.authorize_url: required key is missing");
  }

  @Test
  void aTokenCommandReplacesTheClientId() {
    Config c = parse(ACCOUNT + "oauth2: {provider: microsoft, token_command: 'oama access ada'}\n");
    assertThat(c.mail().orElseThrow().oauth2().tokenCommand()).isEqualTo("oama access ada");
    assertThatThrownBy(() -> parse(ACCOUNT + "oauth2: {provider: google}\n"))
        .hasMessageContaining("oauth2.client_id: required key is missing");
  }

  @Test
  void secretsStayOutOfTheFileAndUnknownValuesAreRefused() {
    assertThatThrownBy(
            () -> parse(ACCOUNT + "oauth2: {provider: google, client_id: x, client_secret: s}\n"))
        .hasMessageContaining("client_secret_env");
    assertThatThrownBy(() -> parse(ACCOUNT + "oauth2: {provider: yahoo, client_id: x}\n"))
        .hasMessageContaining("expected google, microsoft or custom");
    assertThatThrownBy(
            () -> parse(ACCOUNT + "oauth2: {provider: google, client_id: x, mechanism: plain}\n"))
        .hasMessageContaining("expected xoauth2 or oauthbearer");
    assertThatThrownBy(() -> parse(ACCOUNT.replace("auth: oauth2}", "auth: kerberos}")))
        .hasMessageContaining("expected password or oauth2");
  }
}
