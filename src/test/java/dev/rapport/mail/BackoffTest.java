package dev.rapport.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  /** The inbox watcher's reconnect waits: 1 s doubling to 60 s. */
  static final Duration FIRST = Duration.ofSeconds(1);

  static final Duration LONGEST = Duration.ofSeconds(60);

  /** Attempts in one hour of failures, as the inbox watcher makes them (the first at once). */
  static int attemptsInAnHour(boolean loginRefused) {
    Duration elapsed = Duration.ZERO;
    Duration wait = FIRST;
    int attempts = 0;
    while (elapsed.compareTo(Duration.ofHours(1)) < 0) {
      attempts++;
      if (loginRefused && wait.compareTo(Backoff.LOGIN_FIRST) < 0) wait = Backoff.LOGIN_FIRST;
      elapsed = elapsed.plus(wait);
      wait = Backoff.next(wait, FIRST, LONGEST, loginRefused);
    }
    return attempts;
  }

  @Test
  void aRefusedLoginIsTriedAFewTimesAnHourNotEveryMinute() {
    // 5, 10, 20, 30, 30 min: six logins in the first hour instead of about 65.
    assertThat(attemptsInAnHour(true)).isLessThanOrEqualTo(10);
  }

  @Test
  void aNetworkFailureIsStillRetriedQuickly() {
    assertThat(Backoff.next(Duration.ofSeconds(2), FIRST, LONGEST, false))
        .isEqualTo(Duration.ofSeconds(4));
    assertThat(Backoff.next(Duration.ofSeconds(40), FIRST, LONGEST, false)).isEqualTo(LONGEST);
  }

  @Test
  void loginWaitsDoubleUpToHalfAnHour() {
    assertThat(Backoff.next(Duration.ofMinutes(5), FIRST, LONGEST, true))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(Backoff.next(Duration.ofMinutes(20), FIRST, LONGEST, true))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aRefusedLoginIsFoundInsideOtherExceptions() {
    var refused = new AuthenticationFailedException("bad password");
    assertThat(Backoff.loginRefused(new RuntimeException("wrapped", refused))).isTrue();
    assertThat(Backoff.loginRefused(new MessagingException("connection reset"))).isFalse();
  }
}
