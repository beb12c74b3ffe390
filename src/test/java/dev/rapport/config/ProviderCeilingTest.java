package dev.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.doctor.ConfigCheck;
import dev.rapport.doctor.Finding;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderCeilingTest {
  static Config config(String smtpHost, String email, int maxPerDay) {
    return ConfigLoader.parse(
        """
        me: {name: Ada, email: %s}
        smtp: {host: %s, port: 587, security: starttls, username: %s, password_env: PW}
        imap: {host: imap.example.org, port: 993, security: tls, username: %s, password_env: PW}
        pacing: {max_per_day: %d}
        """
            .formatted(email, smtpHost, email, email, maxPerDay),
        null);
  }

  @Test
  void aCapAboveTheProvidersLimitIsLoweredToItAndDoctorSaysSo() {
    Config c = config("smtp.gmail.com", "ada@gmail.com", 1000);
    assertThat(c.pacing().maxPerDay()).isEqualTo(500);
    assertThat(c.pacing().cappedFrom()).isEqualTo(new Config.Pacing.Capped(1000, "Gmail"));
    assertThat(ConfigCheck.run(c, Map.of("PW", "x")))
        .filteredOn(f -> f.check().equals("pacing"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.verdict()).isEqualTo(Finding.Verdict.WARN);
              assertThat(f.message())
                  .contains("pacing.max_per_day is 1000, more than Gmail")
                  .contains("rapport sends at most 500 a day");
              assertThat(f.fix()).isEqualTo("set pacing.max_per_day to 500 or less");
            });
  }

  @Test
  void aCapWithinTheLimitOrAnUnknownProviderIsKept() {
    Config outlook = config("smtp-mail.outlook.com", "ada@outlook.com", 300);
    assertThat(outlook.pacing().maxPerDay()).isEqualTo(300);
    assertThat(outlook.pacing().cappedFrom()).isNull();
    Config own = config("mail.example.org", "ada@example.org", 5000);
    assertThat(own.pacing().maxPerDay()).isEqualTo(5000);
    assertThat(ConfigCheck.run(own, Map.of("PW", "x"))).noneMatch(f -> f.check().equals("pacing"));
  }

  @Test
  void workspaceOnGmailsServersGetsItsOwnLimit() {
    assertThat(config("smtp.gmail.com", "ada@firm.example", 5000).pacing().maxPerDay())
        .isEqualTo(2000);
  }
}
