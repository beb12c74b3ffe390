package dev.rapport.mail;

import jakarta.mail.AuthenticationFailedException;
import java.time.Duration;

/**
 * How long to wait before talking to a mail server again after a failure: doubling from a first
 * wait up to a longest one, and after a refused login at least {@link #LOGIN_FIRST} doubling up to
 * {@link #LOGIN_LONGEST}. A network blip is worth a quick retry; a wrong password is not, and
 * providers lock accounts that keep trying one.
 */
public final class Backoff {
  public static final Duration LOGIN_FIRST = Duration.ofMinutes(5);
  public static final Duration LOGIN_LONGEST = Duration.ofMinutes(30);

  private Backoff() {}

  /** The wait after {@code current}, given whether the failure was a refused login. */
  public static Duration next(
      Duration current, Duration first, Duration longest, boolean loginRefused) {
    Duration doubled = current.isZero() ? first : current.multipliedBy(2);
    if (!loginRefused) return min(max(doubled, first), longest);
    return min(max(doubled, LOGIN_FIRST), max(longest, LOGIN_LONGEST));
  }

  /** True when {@code e}, or anything that caused it, is the server refusing the login. */
  public static boolean loginRefused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AuthenticationFailedException || t instanceof SignInRequired) return true;
      if (t.getCause() == t) break;
    }
    return false;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
