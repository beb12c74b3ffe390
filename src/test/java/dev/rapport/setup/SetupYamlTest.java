package dev.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.Config;
import dev.rapport.config.ConfigLoader;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SetupYamlTest {
  static Account gmail(String name) {
    Found f = Found.of(ProviderTable.GMAIL, "ada@gmail.com", "the built-in table (Gmail)");
    return Account.password(
        name,
        "ada@gmail.com",
        f,
        "RAPPORT_MAIL_PASSWORD",
        null,
        Account.sentFor(f.provider()),
        ZoneId.of("Europe/Berlin"));
  }

  @Test
  void theYamlReadsBackAsTheSameAccountWithoutAPassword() {
    String yaml = SetupYaml.render(gmail("Ada \"the\" Example: #1"), LocalDate.of(2026, 12, 7));
    Config c = ConfigLoader.parse(yaml, null);
    assertThat(c.me().name()).isEqualTo("Ada \"the\" Example: #1");
    Config.Mail m = c.mail().orElseThrow();
    assertThat(m.smtp().host()).isEqualTo("smtp.gmail.com");
    assertThat(m.smtp().port()).isEqualTo(465);
    assertThat(m.smtp().security()).isEqualTo(Config.Security.TLS);
    assertThat(m.imap().sent()).isEqualTo("server");
    assertThat(m.imap().password().envVariable()).isEqualTo("RAPPORT_MAIL_PASSWORD");
    assertThat(c.pacing().maxPerDay()).isEqualTo(20);
    assertThat(c.pacing().timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(yaml).contains("Gmail's own limit is about 500 a day").doesNotContain("password:");
  }

  @Test
  void pinnedCertificatesAreWritten() {
    String pin = "SHA256:" + "AB:".repeat(31) + "CD";
    String yaml = SetupYaml.render(gmail("Ada").withTrust(pin, null), LocalDate.of(2026, 12, 7));
    Config.Mail m = ConfigLoader.parse(yaml, null).mail().orElseThrow();
    assertThat(m.imap().trust()).isEqualTo(pin);
    assertThat(m.smtp().trust()).isNull();
  }

  @Test
  void oauth2AccountsNameTheProviderAndTheClientId() {
    Found f = Found.of(ProviderTable.OUTLOOK, "ada@outlook.com", "the built-in table");
    Account a =
        Account.oauth2(
            "Ada",
            "ada@outlook.com",
            f,
            "microsoft",
            "0000-client",
            "server",
            ZoneId.of("UTC"),
            null,
            java.util.List.of());
    String yaml = SetupYaml.render(a, LocalDate.of(2026, 12, 7));
    assertThat(yaml)
        .contains("  auth: oauth2\n")
        .contains("oauth2:\n  provider: microsoft\n  client_id: \"0000-client\"\n  tenant: common")
        .doesNotContain("password_env");
  }
}
