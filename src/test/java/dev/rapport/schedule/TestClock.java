package dev.rapport.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand. */
final class TestClock extends Clock {
  private volatile Instant now;
  private volatile boolean live;

  TestClock(Instant start) {
    this.now = start;
  }

  void set(Instant t) {
    now = t;
    live = false;
  }

  /** From now on the clock follows the system's, as the daemon's does (Quartz fires by it). */
  void live() {
    live = true;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return live ? Instant.now() : now;
  }
}
