package dev.rapport.outbox;

import java.util.Optional;

/**
 * Test-only: ends the process abruptly (Runtime.halt, as a power cut or kill -9 would) at a named
 * step of sending, so tests can start again and check that nothing goes out twice. Armed only by
 * the system property {@code rapport.test.crashAt}; otherwise does nothing.
 */
public final class CrashPoints {
  public static final String PROPERTY = "rapport.test.crashAt";

  /** The steps, in the order a send passes them. */
  public enum Step {
    /** The draft is SENDING in the database; nothing has been said to the SMTP server. */
    AFTER_SENDING_COMMIT,
    /** The server answered 250 to the final "."; no copy in Sent yet, the draft still SENDING. */
    AFTER_DATA,
    /** The copy is in Sent; the transaction making the draft SENT is open but not committed. */
    BEFORE_SENT_COMMIT
  }

  private final Optional<Step> armed;

  private CrashPoints(Optional<Step> armed) {
    this.armed = armed;
  }

  public static CrashPoints none() {
    return new CrashPoints(Optional.empty());
  }

  /** Reads {@value #PROPERTY} once, when the application is wired. */
  public static CrashPoints fromSystemProperties() {
    String v = System.getProperty(PROPERTY);
    return v == null || v.isBlank()
        ? none()
        : new CrashPoints(Optional.of(Step.valueOf(v.strip())));
  }

  void reach(Step step) {
    if (armed.isPresent() && armed.get() == step) {
      System.err.println("rapport: test crash at " + step);
      System.err.flush();
      Runtime.getRuntime().halt(99);
    }
  }
}
