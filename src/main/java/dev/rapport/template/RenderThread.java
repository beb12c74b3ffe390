package dev.rapport.template;

import freemarker.template.Template;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each rendering on a thread apart from the caller's, with a deadline. FreeMarker has no time
 * limit: at the deadline the thread is interrupted, and the checks {@link CheckedConfiguration} put
 * in every loop and the {@link CappedWriter} make it stop. A rendering that recursed until the
 * stack ran out ends on its own thread with a {@link StackOverflowError}, which is handed back like
 * any failure.
 *
 * <p>A thread is reused: starting one per rendering cost more than rendering a short draft ({@code
 * outreach} for 1,000 contacts started 1,000). A thread that has finished waits, idle, for the next
 * rendering ({@link #IDLE_SECONDS} at most, then ends); a rendering that finds none idle (another
 * is still running, or ran into its deadline and has not stopped) gets a thread of its own, so
 * renderings never queue behind a slow one and each deadline is its own. A thread is named {@value
 * #RENDERING} only while it renders: a thread dump, or a test, sees whether a rendering still runs.
 */
final class RenderThread {
  static final String RENDERING = "rapport-template-render";
  private static final String IDLE = "rapport-template-idle";

  /** How long a stopped rendering gets to unwind before the caller stops waiting for it. */
  private static final long STOP_GRACE_MILLIS = 1000;

  /** How long a thread waits for another rendering before it ends. */
  static final long IDLE_SECONDS = 30;

  private final AtomicInteger started = new AtomicInteger();
  private Worker idle; // guarded by this: the thread waiting for the next rendering, if any

  /**
   * The text, or what stopped it: {@code failure} is what the rendering threw (an {@link Error}
   * included); {@code timedOut} says it was stopped at the deadline.
   */
  record Result(String text, Throwable failure, boolean timedOut) {}

  Result render(Template template, Map<String, ?> model, RenderLimits limits) {
    Rendering r = new Rendering(template, model, new CappedWriter(limits.outputChars()));
    Worker w;
    synchronized (this) {
      w = idle;
      idle = null;
    }
    if (w == null) w = new Worker();
    w.next.add(r); // never full: a worker is handed one rendering at a time
    try {
      try {
        Throwable failure = r.done.get(limits.time().toMillis(), TimeUnit.MILLISECONDS);
        return new Result(r.out.toString(), failure, false);
      } catch (TimeoutException e) {
        r.stop();
        try {
          return new Result(
              null, r.done.get(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS), true); // it unwound
        } catch (TimeoutException stillRunning) {
          return new Result(null, null, true); // left to end on its own, as a daemon thread
        }
      }
    } catch (InterruptedException e) {
      r.stop();
      Thread.currentThread().interrupt();
      throw new TemplateRenderException(
          "Rendering " + template.getSourceName() + " was interrupted.");
    } catch (ExecutionException e) { // never: a rendering completes with what it threw
      throw new IllegalStateException(e);
    }
  }

  /** How many threads were started so far: one while renderings come one after another. */
  int threadsStarted() {
    return started.get();
  }

  /** A finished worker offers itself for the next rendering; false when one waits already. */
  private synchronized boolean park(Worker w) {
    if (idle != null) return false;
    idle = w;
    return true;
  }

  /** An idle worker whose wait ran out ends, unless a rendering took it meanwhile. */
  private synchronized boolean retire(Worker w) {
    if (idle != w) return false;
    idle = null;
    return true;
  }

  /** A thread that renders what it is handed, one rendering at a time. */
  private final class Worker implements Runnable {
    final BlockingQueue<Rendering> next = new ArrayBlockingQueue<>(1);

    Worker() {
      started.incrementAndGet();
      Thread t = new Thread(null, this, IDLE, 0);
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void run() {
      Rendering r = next.poll();
      while (true) {
        if (r == null) r = await();
        if (r == null) return;
        Throwable failure = r.run();
        // Offered for the next rendering before this one is reported done, so that a caller
        // drafting one contact after another finds it idle.
        boolean parked = park(this);
        r.done.complete(failure);
        if (!parked) return;
        r = null;
      }
    }

    /** The next rendering; null when none came within {@link #IDLE_SECONDS} (then it ends). */
    private Rendering await() {
      try {
        Rendering r = next.poll(IDLE_SECONDS, TimeUnit.SECONDS);
        if (r != null || retire(this)) return r;
        return next.take(); // taken just as its wait ran out: the rendering is on its way
      } catch (InterruptedException e) {
        return retire(this) ? null : next.poll();
      }
    }
  }

  /** One rendering; {@link #done} completes with what it threw, or null. */
  private static final class Rendering {
    private final Template template;
    private final Map<String, ?> model;
    final CappedWriter out;
    final CompletableFuture<Throwable> done = new CompletableFuture<>();
    private Thread running; // guarded by this: the thread while it renders, for stop()

    Rendering(Template template, Map<String, ?> model, CappedWriter out) {
      this.template = template;
      this.model = model;
      this.out = out;
    }

    /** Renders on the calling thread; what it threw, or null. */
    Throwable run() {
      Thread self = Thread.currentThread();
      self.setName(RENDERING);
      synchronized (this) {
        running = self;
      }
      Throwable failure = null;
      try {
        template.process(model, out);
      } catch (Throwable t) { // StackOverflowError and OutOfMemoryError too: reported, not fatal
        failure = t;
      }
      synchronized (this) {
        running = null;
      }
      // A stop that came as it finished must not reach the thread's next rendering.
      Thread.interrupted();
      self.setName(IDLE);
      return failure;
    }

    /** Interrupts the rendering if it still runs; never the thread's next one. */
    synchronized void stop() {
      if (running != null) running.interrupt();
    }
  }
}
