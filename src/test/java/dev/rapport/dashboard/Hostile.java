package dev.rapport.dashboard;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tally of the hostile requests a test class sends and how many the dashboard refused cleanly
 * (the expected refusal, nothing changed, nothing shown), printed when the class ends.
 */
final class Hostile {
  private final String name;
  private final AtomicInteger tried = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  Hostile(String name) {
    this.name = name;
  }

  /** Counts one request; {@code cleanly} is what the test found, and it asserts it too. */
  boolean count(boolean cleanly) {
    tried.incrementAndGet();
    if (cleanly) refused.incrementAndGet();
    return cleanly;
  }

  void report() {
    System.out.println(
        name + ": hostile requests tried " + tried.get() + ", refused cleanly " + refused.get());
  }
}
