package dev.rapport.daemon;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's lifecycle: its {@link Component}s started in order and stopped in reverse. If a part
 * fails to start, the parts already started are stopped before the error goes on. Safe to stop from
 * another thread (the shutdown hook) at any time, also while starting.
 */
public final class Daemon {
  private static final Logger log = LoggerFactory.getLogger(Daemon.class);

  private final List<Component> components;
  private final Deque<Component> running = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean stopRequested;

  public Daemon(List<Component> components) {
    this.components = List.copyOf(components);
  }

  public List<Component> components() {
    return components;
  }

  /** The part of this type, if the daemon has one. */
  public <T extends Component> Optional<T> part(Class<T> type) {
    return components.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** Starts every part in order; on failure stops the started ones in reverse and rethrows. */
  public synchronized void start() {
    for (Component c : components) {
      if (stopRequested) return;
      log.debug("starting the {}", c.name());
      try {
        c.start();
      } catch (RuntimeException | Error e) {
        // INFO: into rapport.log; the user reads the error itself on stderr.
        log.info("the {} did not start: {}", c.name(), e.getMessage());
        stopRunning();
        stopped.countDown();
        throw e;
      }
      running.push(c);
      log.info("started the {}", c.name());
    }
  }

  /**
   * Stops the running parts in reverse order; a part that fails to stop does not keep the others
   * running.
   */
  public synchronized void stop() {
    stopRequested = true;
    stopRunning();
    stopped.countDown();
  }

  /** Blocks until {@link #stop} has finished (or start failed). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  private void stopRunning() {
    while (!running.isEmpty()) {
      Component c = running.pop();
      try {
        c.stop();
        log.info("stopped the {}", c.name());
      } catch (RuntimeException e) {
        log.warn("the {} did not stop cleanly: {}", c.name(), e.toString());
      }
    }
  }
}
