package dev.rapport.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a unit test ({@code *Test}, run by Surefire) that listens on a TCP port: servers belong in
 * {@code *IT} (Failsafe). Registered for every test through JUnit's extension autodetection
 * (src/test/resources/META-INF/services), so a new test cannot forget it; {@code *IT} classes are
 * left alone.
 *
 * <p>Registered first, its {@code beforeEach} runs before every other extension and
 * {@code @BeforeEach}, its {@code afterEach} after them all: it watches the whole test, servers
 * started by {@code @BeforeAll}, extensions, fixtures or the test body alike, whether through
 * {@code ServerSocket} or NIO. A socket seen at the start or the end of a test counts; in between
 * one counts once it is seen in two samples in a row, so a port probed and closed at once (as
 * {@link FreePorts} does) is not a server. A sample costs under a millisecond while the process has
 * no socket, several once it has one (the kernel's whole TCP table is read): it samples every 25 ms
 * or four times its last cost, whichever is longer.
 */
public final class NoServerInUnitTests implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(NoServerInUnitTests.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!isUnitTest(context.getRequiredTestClass()) || !ListeningSockets.supported()) return;
    context.getStore(NS).put(Watch.class, Watch.start());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Watch watch = context.getStore(NS).remove(Watch.class, Watch.class);
    if (watch == null) return;
    Map<Long, String> seen = watch.stop();
    if (!seen.isEmpty())
      throw new AssertionError(
          context.getRequiredTestClass().getSimpleName()
              + " listened on "
              + String.join(", ", seen.values())
              + " during '"
              + context.getDisplayName()
              + "': a *Test starts no server. Rename it *IT (run by Failsafe) if it needs one,"
              + " or drop the server.");
  }

  /** A top-level class named {@code *Test}, or a class nested in one. */
  static boolean isUnitTest(Class<?> testClass) {
    Class<?> outer = testClass;
    while (outer.getEnclosingClass() != null) outer = outer.getEnclosingClass();
    return outer.getSimpleName().endsWith("Test");
  }

  /** Samples this process's listening sockets on a daemon thread until stopped. */
  static final class Watch implements Runnable {
    private static final long AT_LEAST_MS = 25;
    private final Map<Long, String> servers = new LinkedHashMap<>();
    private Map<Long, String> last = Map.of();
    private final Thread thread = new Thread(this, "no-server-in-unit-tests");
    private volatile boolean running = true;

    static Watch start() {
      Watch w = new Watch();
      w.record(ListeningSockets.ofThisProcess(), true);
      w.thread.setDaemon(true);
      w.thread.start();
      return w;
    }

    /** The servers seen so far, inode to address. */
    synchronized Map<Long, String> seen() {
      return Map.copyOf(servers);
    }

    /** Stops sampling and returns every server seen, inode to address. */
    Map<Long, String> stop() {
      running = false;
      thread.interrupt(); // cuts its sleep short
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      record(ListeningSockets.ofThisProcess(), true);
      return servers;
    }

    @Override
    public void run() {
      while (running) {
        long began = System.nanoTime();
        record(ListeningSockets.ofThisProcess(), false);
        long tookMs = (System.nanoTime() - began) / 1_000_000;
        try {
          Thread.sleep(Math.max(AT_LEAST_MS, 4 * tookMs));
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private synchronized void record(Map<Long, String> now, boolean countsAtOnce) {
      Set<Long> before = last.keySet();
      now.forEach(
          (inode, address) -> {
            if (countsAtOnce || before.contains(inode)) servers.putIfAbsent(inode, address);
          });
      last = now;
    }
  }
}
