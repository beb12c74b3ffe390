package dev.rapport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Config values that would pass a glance and then crash or misbehave the daemon are refused at
 * load, each with the line and the key's path, in one sentence.
 */
class BadConfigTest {
  /** The account lines, so that imap and smtp keys can be tried; the line under test is line 4. */
  static final String ACCOUNT =
      """
      me: {name: Ada Example, email: ada@example.org}
      smtp: {host: smtp.example.org, username: ada, password_env: SMTP_PW}
      imap:
      """;

  static String imap(String line) {
    return ACCOUNT
        + "  "
        + line
        + "\n  host: imap.example.org\n  username: ada\n  password_env: IMAP_PW\n";
  }

  static Stream<Arguments> badSnippets() {
    return Stream.of(
        Arguments.of(imap("poll: 0s"), "line 4: imap.poll: expected a duration longer than 0"),
        Arguments.of(imap("first_scan: 0d"), "line 4: imap.first_scan: expected a duration longer"),
        Arguments.of(imap("port: 0"), "line 4: imap.port: expected a whole number from 1 to 65535"),
        Arguments.of(
            "cadence:\n  follow_up_after: 0d\n",
            "line 2: cadence.follow_up_after: expected a duration longer than 0"),
        Arguments.of(
            "cadence:\n  thank_you_within: 0h\n",
            "line 2: cadence.thank_you_within: expected a duration longer than 0"),
        Arguments.of(
            "cadence:\n  referral_nudge_after: 0s\n",
            "line 2: cadence.referral_nudge_after: expected a duration longer than 0"),
        Arguments.of(
            "cadence:\n  keep_in_touch_every:\n    - 90d\n    - 0d\n",
            "line 4: cadence.keep_in_touch_every[1]: expected a duration longer than 0"),
        Arguments.of(
            "cadence:\n  keep_in_touch_every: [180d, 90d]\n",
            "line 2: cadence.keep_in_touch_every: the first duration must not be longer"),
        Arguments.of(
            "cadence:\n  follow_up_after: 999999999w\n",
            "line 2: cadence.follow_up_after: expected a duration of at most 3650d"),
        Arguments.of(
            "cadence:\n  follow_up_after: -7d\n",
            "line 2: cadence.follow_up_after: expected a duration such as"),
        Arguments.of(
            "cadence:\n  max_follow_ups: -1\n",
            "line 2: cadence.max_follow_ups: expected a whole number from 0 to 10"),
        Arguments.of(
            "pacing:\n  max_per_day: -1\n",
            "line 2: pacing.max_per_day: expected a whole number from 1"),
        Arguments.of(
            "pacing:\n  weekly_goal: -3\n",
            "line 2: pacing.weekly_goal: expected a whole number from 0"),
        Arguments.of(
            "pacing:\n  timezone: UTC\n  window: \"17:00-09:00\"\n",
            "line 3: pacing.window: the window must start before it ends"),
        Arguments.of(
            "dashboard:\n  port: 70000\n",
            "line 2: dashboard.port: expected a whole number from 1 to 65535"),
        Arguments.of(
            "dashboard:\n  port: -1\n",
            "line 2: dashboard.port: expected a whole number from 1 to 65535"),
        Arguments.of(
            "digest:\n  enabled: true\n  at: \"25:00\"\n",
            "line 3: digest.at: expected a time of day"),
        Arguments.of(
            "pacing:\n  max_per_day: 5\n  weekly_goal: 3\n  max_per_day: 50\n",
            "line 4: pacing.max_per_day: the key is written twice, on lines 2 and 4"),
        Arguments.of(
            "templates: a\ndashboard: {port: 7078}\ntemplates: b\n",
            "line 3: templates: the key is written twice, on lines 1 and 3"),
        Arguments.of(
            "cadence:\n  follow_up_afterr: 7d\n", "line 2: cadence.follow_up_afterr: unknown key"));
  }

  @ParameterizedTest
  @MethodSource("badSnippets")
  void isRefusedWithTheLineAndTheKeyPath(String yaml, String expected) {
    ConfigException e =
        catchThrowableOfType(() -> ConfigLoader.parse(yaml, null), ConfigException.class);
    assertThat(e).as(yaml).isNotNull();
    assertThat(e.getMessage()).startsWith(expected).doesNotContain("\n").hasSizeLessThan(300);
  }
}
