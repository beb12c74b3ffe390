package dev.rapport.daemon;

/** A loopback port nothing listens on at this moment, for tests outside this package. */
public final class ProcessesFreePort {
  private ProcessesFreePort() {}

  public static int port() {
    return Processes.freePort();
  }
}
