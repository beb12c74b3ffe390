package dev.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  static final String ACCOUNT =
      """
      me: {name: Ada Example, email: ada@example.org}
      smtp: {host: smtp.example.org, username: ada, password_env: SMTP_PW}
      imap: {host: imap.example.org, username: ada, password_command: "pass show imap"}
      """;

  @Test
  void theExampleFileIsValidAndReadsEveryKey() {
    Config c = ConfigLoader.load(Path.of("config", "rapport.example.yaml"), true);
    assertThat(c.sandbox()).isFalse();
    assertThat(c.me().name()).isEqualTo("Ada Example");
    assertThat(c.me().pitch()).contains("health tech");
    assertThat(c.mail().orElseThrow().smtp().port()).isEqualTo(587);
    assertThat(c.mail().orElseThrow().imap().firstScan()).isEqualTo(Duration.ofDays(30));
    assertThat(c.cadence().keepInTouchMax()).isEqualTo(Duration.ofDays(180));
    assertThat(c.cadence().referralNudgeAfter()).isEqualTo(Duration.ofDays(5));
    assertThat(c.pacing().windowEnd()).isEqualTo(LocalTime.of(17, 30));
    assertThat(c.pacing().timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(c.digest().at()).isEqualTo(LocalTime.of(8, 0));
    assertThat(c.dashboard().port()).isEqualTo(7077);
    assertThat(c.method()).isEqualTo(Config.Method.OFF);
  }

  @Test
  void theMethodIsOffUnlessTurnedOn() {
    assertThat(ConfigLoader.parse("pacing: {weekly_goal: 3}\n", null).method())
        .isEqualTo(Config.Method.OFF);
    assertThat(ConfigLoader.parse("method: two-hour\n", null).twoHour()).isTrue();
    assertThat(ConfigLoader.parse("method: Two-Hour\n", null).twoHour()).isTrue();
    assertThat(ConfigLoader.parse("method: off\n", null).method()).isEqualTo(Config.Method.OFF);
    assertThat(ConfigLoader.parse("method: \"off\"\n", null).method()).isEqualTo(Config.Method.OFF);
  }

  @Test
  void anUnknownMethodIsRefusedWithItsLine() {
    assertThatThrownBy(() -> ConfigLoader.parse("pacing: {weekly_goal: 3}\nmethod: 2h\n", null))
        .isInstanceOf(ConfigException.class)
        .hasMessage("line 2: method: expected off or two-hour, but found \"2h\"");
    assertThatThrownBy(() -> ConfigLoader.parse("method: {name: two-hour}\n", null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("method: expected a text value");
  }

  @Test
  void noFileMeansTheSandbox(@TempDir Path dir) {
    Config c = ConfigLoader.load(dir.resolve("rapport.yaml"), false);
    assertThat(c.sandbox()).isTrue();
    assertThat(c.templates()).isEqualTo(Path.of("templates"));
    assertThat(c.cadence().followUpAfter()).isEqualTo(Duration.ofDays(7));
    assertThat(c.cadence().referralNudgeAfter()).isEqualTo(Duration.ofDays(5));
  }

  @Test
  void theReferralNudgeWaitIsADuration() {
    assertThat(
            ConfigLoader.parse("cadence:\n  referral_nudge_after: 2d\n", null)
                .cadence()
                .referralNudgeAfter())
        .isEqualTo(Duration.ofDays(2));
    assertThat(
            ConfigLoader.parse("cadence:\n  referral_nudge_after: 45s\n", null)
                .cadence()
                .referralNudgeAfter())
        .isEqualTo(Duration.ofSeconds(45));
    assertThatThrownBy(() -> ConfigLoader.parse("cadence:\n  referral_nudge_after: soon\n", null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cadence.referral_nudge_after");
  }

  @Test
  void aFileNamedOnTheCommandLineMustExist(@TempDir Path dir) {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"), true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.yaml does not exist");
  }

  @Test
  void errorsNameTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rapport.yaml");
    Files.writeString(file, "colour: blue\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, true))
        .hasMessageStartingWith(file + " line 1: colour: unknown key");
  }

  @Test
  void accountSettingsGetDefaults() {
    Config c = ConfigLoader.parse(ACCOUNT, null);
    var imap = c.mail().orElseThrow().imap();
    assertThat(imap.port()).isEqualTo(993);
    assertThat(imap.poll()).isEqualTo(Duration.ofSeconds(60));
    assertThat(imap.password().command()).isEqualTo("pass show imap");
    assertThat(imap.password().toString()).doesNotContain("imap").startsWith("command");
  }

  @Nested
  class Refuses {
    @Test
    void anUnknownNestedKeyWithItsPath() {
      assertThatThrownBy(() -> ConfigLoader.parse("cadence:\n  follow_up_afterr: 7d\n", null))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("cadence.follow_up_afterr: unknown key")
          .hasMessageContaining("follow_up_after");
    }

    @Test
    void aWrongType() {
      assertThatThrownBy(() -> ConfigLoader.parse("pacing:\n  max_per_day: lots\n", null))
          .hasMessageContaining(
              "pacing.max_per_day: expected a whole number from 1 to 10000, but found \"lots\"");
      assertThatThrownBy(() -> ConfigLoader.parse("digest:\n  enabled: sometimes\n", null))
          .hasMessageContaining("digest.enabled: expected true or false");
      assertThatThrownBy(() -> ConfigLoader.parse("cadence: 7d\n", null))
          .hasMessageContaining("cadence: expected a mapping of keys");
    }

    @Test
    void aMissingRequiredKey() {
      String noHost = ACCOUNT.replace("host: smtp.example.org, ", "");
      assertThatThrownBy(() -> ConfigLoader.parse(noHost, null))
          .hasMessageContaining("smtp.host: required key is missing");
      String noMe = ACCOUNT.substring(ACCOUNT.indexOf('\n') + 1);
      assertThatThrownBy(() -> ConfigLoader.parse(noMe, null))
          .hasMessageContaining("me: required key is missing");
    }

    @Test
    void smtpWithoutImap() {
      String smtpOnly = ACCOUNT.substring(0, ACCOUNT.indexOf("imap:"));
      assertThatThrownBy(() -> ConfigLoader.parse(smtpOnly, null))
          .hasMessageContaining("imap: required key is missing");
    }

    @Test
    void aBadDuration() {
      assertThatThrownBy(() -> ConfigLoader.parse("cadence:\n  follow_up_after: a week\n", null))
          .hasMessageContaining("cadence.follow_up_after: expected a duration such as 90s");
      assertThatThrownBy(() -> ConfigLoader.parse("cadence:\n  keep_in_touch_every: [90d]\n", null))
          .hasMessageContaining("cadence.keep_in_touch_every: expected a list of 2 durations");
      assertThatThrownBy(
              () -> ConfigLoader.parse("cadence:\n  keep_in_touch_every: [90d, 3x]\n", null))
          .hasMessageContaining("cadence.keep_in_touch_every[1]");
    }

    @Test
    void aPasswordInTheFile() {
      String withPassword = ACCOUNT.replace("password_env: SMTP_PW", "password: hunter2");
      assertThatThrownBy(() -> ConfigLoader.parse(withPassword, null))
          .hasMessageContaining("smtp.password: passwords are not kept in the config file")
          .hasMessageNotContaining("hunter2");
    }

    @Test
    void bothOrNeitherPasswordSource() {
      String both =
          ACCOUNT.replace("password_env: SMTP_PW", "password_env: A, password_command: b");
      assertThatThrownBy(() -> ConfigLoader.parse(both, null))
          .hasMessageContaining("smtp.password_env: expected exactly one");
      String neither = ACCOUNT.replace(", password_env: SMTP_PW", "");
      assertThatThrownBy(() -> ConfigLoader.parse(neither, null))
          .hasMessageContaining("smtp.password_env: expected exactly one");
    }

    @Test
    void aBadWindowZoneOrTime() {
      assertThatThrownBy(() -> ConfigLoader.parse("pacing: {window: \"9 to 5\"}", null))
          .hasMessageContaining("pacing.window: expected a window such as \"09:00-17:30\"");
      assertThatThrownBy(() -> ConfigLoader.parse("pacing: {window: \"17:00-09:00\"}", null))
          .hasMessageContaining("must start before it ends");
      assertThatThrownBy(() -> ConfigLoader.parse("pacing: {timezone: Mars/Olympus}", null))
          .hasMessageContaining("pacing.timezone: expected a time zone");
      assertThatThrownBy(() -> ConfigLoader.parse("digest: {at: \"25:00\"}", null))
          .hasMessageContaining("digest.at: expected a time of day");
    }

    @Test
    void aSecurityModeThatDoesNotExist() {
      String ssl =
          ACCOUNT.replace("host: smtp.example.org,", "host: smtp.example.org, security: ssl,");
      assertThatThrownBy(() -> ConfigLoader.parse(ssl, null))
          .hasMessageContaining("smtp.security: expected starttls, tls or none, but found \"ssl\"");
    }

    @Test
    void aLineBreakInMyNameOrABadAddress() {
      assertThatThrownBy(
              () ->
                  ConfigLoader.parse(
                      "me: {name: \"Ada\\r\\nBcc: x@y.org\", email: ada@example.org}", null))
          .hasMessageContaining("me.name: contains a control character");
      assertThatThrownBy(() -> ConfigLoader.parse("me: {name: Ada, email: ada-at-example}", null))
          .hasMessageContaining("me.email:");
    }

    @Test
    void yamlThatDoesNotParseWithItsLine() {
      assertThatThrownBy(() -> ConfigLoader.parse("me:\n  name: Ada\n   email: [unclosed\n", null))
          .isInstanceOf(ConfigException.class)
          .hasMessageMatching("(?s)line \\d+, column \\d+: not valid YAML.*");
    }
  }
}
