package dev.rapport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the default time zone, which it looks up only when first asked. Looking the
 * zone up costs a command about 15 ms at start; asked for later, that happens while the database
 * opens on another thread (cli/EarlyDatabase) instead of before it.
 */
final class DefaultZoneClock extends Clock {
  private volatile ZoneId zone;

  @Override
  public ZoneId getZone() {
    ZoneId z = zone;
    if (z == null) zone = z = ZoneId.systemDefault();
    return z;
  }

  @Override
  public Clock withZone(ZoneId z) {
    return Clock.system(z);
  }

  @Override
  public Instant instant() {
    return Instant.now();
  }

  @Override
  public long millis() {
    return System.currentTimeMillis();
  }
}
