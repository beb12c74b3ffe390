package dev.rapport.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A random moment inside the keep-in-touch window, the same every time it is asked for the same
 * contact and the same last exchange: seeded by both, so a rerun or a rebuilt schedule does not
 * move it, while a new exchange (a new round) gives a new one.
 */
final class KeepInTouchMoment {
  private KeepInTouchMoment() {}

  static Instant after(long contactId, Instant lastExchange, Duration min, Duration max) {
    long seed = contactId * 0x9E3779B97F4A7C15L ^ lastExchange.toEpochMilli();
    long spanMillis = max.minus(min).toMillis();
    long offset = spanMillis <= 0 ? 0 : new SplittableRandom(seed).nextLong(spanMillis + 1);
    return lastExchange.plus(min).plusMillis(offset);
  }
}
