package dev.rapport.store;

/**
 * H2 binds its servers to the address in the system property {@code h2.bindAddress}, read once when
 * H2 first loads; unset, it listens on every interface. Main sets it before any H2 class loads, and
 * the server refuses to start if that did not happen.
 */
public final class LoopbackOnly {
  static final String PROPERTY = "h2.bindAddress";

  private LoopbackOnly() {}

  /** Call first thing in main, before anything touches H2. */
  public static void configure() {
    System.setProperty(PROPERTY, "127.0.0.1");
  }

  static void require() {
    if (!"127.0.0.1".equals(org.h2.engine.SysProperties.BIND_ADDRESS)) {
      throw new IllegalStateException(
          "H2 was loaded before LoopbackOnly.configure(); its server would listen beyond 127.0.0.1");
    }
  }
}
