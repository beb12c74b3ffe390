package dev.rapport.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting on a condition in tests: checked every 20 ms, failing with what was awaited once the
 * timeout passes.
 */
public final class Await {
  private Await() {}

  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline)
        throw new AssertionError("Waited " + timeout + " in vain for " + what);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
