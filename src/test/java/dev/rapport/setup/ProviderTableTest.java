package dev.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderTableTest {
  @Test
  void bigProvidersAreKnownByTheirDomains() {
    assertThat(ProviderTable.byDomain("GMail.com")).contains(ProviderTable.GMAIL);
    assertThat(ProviderTable.byDomain("hotmail.com")).contains(ProviderTable.OUTLOOK);
    assertThat(ProviderTable.byDomain("proton.me").orElseThrow().imap().host())
        .isEqualTo("127.0.0.1");
    assertThat(ProviderTable.byDomain("example.org")).isEmpty();
  }

  @Test
  void mxHostsNameTheProviderThatHostsADomain() {
    assertThat(ProviderTable.byMxHost("ASPMX.L.GOOGLE.COM."))
        .contains(ProviderTable.GOOGLE_WORKSPACE);
    assertThat(ProviderTable.byMxHost("alt1.aspmx.l.google.com"))
        .contains(ProviderTable.GOOGLE_WORKSPACE);
    assertThat(ProviderTable.byMxHost("example-org.mail.protection.outlook.com"))
        .contains(ProviderTable.MICROSOFT_365);
    assertThat(ProviderTable.byMxHost("mx.example.org")).isEmpty();
    assertThat(ProviderTable.byMxHost("evilaspmx.l.google.com")).isEmpty();
  }

  @Test
  void gmailAndMicrosoftFileSentMailThemselves() {
    assertThat(Account.sentFor(ProviderTable.byDomain("gmail.com"))).isEqualTo("server");
    assertThat(Account.sentFor(ProviderTable.byDomain("outlook.com"))).isEqualTo("server");
    assertThat(Account.sentFor(ProviderTable.byDomain("example.org"))).isEqualTo("auto");
  }

  @Test
  void theDailyLimitDependsOnTheAccountBehindASharedHost() {
    assertThat(ProviderTable.bySmtpHost("smtp.gmail.com", "a@gmail.com").orElseThrow().maxPerDay())
        .isEqualTo(500);
    assertThat(
            ProviderTable.bySmtpHost("smtp.gmail.com", "a@firm.example").orElseThrow().maxPerDay())
        .isEqualTo(2000);
    assertThat(
            ProviderTable.bySmtpHost("smtp-mail.outlook.com", "a@outlook.com")
                .orElseThrow()
                .maxPerDay())
        .isEqualTo(300);
    assertThat(ProviderTable.bySmtpHost("mail.example.org", "a@example.org")).isEmpty();
  }

  @Test
  void doctorWarnsWhenTheDailyCapIsAboveTheProvidersLimit() {
    String yaml =
        """
        me: {name: Ada, email: ada@outlook.com}
        smtp: {host: smtp-mail.outlook.com, username: ada@outlook.com, password_env: PW}
        imap: {host: outlook.office365.com, username: ada@outlook.com, password_env: PW}
        pacing: {max_per_day: %d}
        """;
    var over =
        dev.rapport.doctor.ConfigCheck.run(
            dev.rapport.config.ConfigLoader.parse(yaml.formatted(400), null), java.util.Map.of());
    assertThat(over)
        .anySatisfy(f -> assertThat(f.message()).contains("Outlook.com").contains("300"));
    var under =
        dev.rapport.doctor.ConfigCheck.run(
            dev.rapport.config.ConfigLoader.parse(yaml.formatted(20), null), java.util.Map.of());
    assertThat(under).noneSatisfy(f -> assertThat(f.check()).isEqualTo("pacing"));
  }
}
