package dev.rapport.template;

import freemarker.template.Template;
import java.util.Map;

/**
 * Runs one rendering on a thread of its own, with a deadline. FreeMarker has no time limit: at the
 * deadline the thread is interrupted, and the checks {@link CheckedConfiguration} put in every loop
 * and the {@link CappedWriter} make it stop. A rendering that recursed until the stack ran out ends
 * on its own thread with a {@link StackOverflowError}, which is handed back like any failure.
 */
final class RenderThread {
  /** How long a stopped rendering gets to unwind before the caller stops waiting for it. */
  private static final long STOP_GRACE_MILLIS = 1000;

  private RenderThread() {}

  /**
   * The text, or what stopped it: {@code failure} is what the rendering threw (an {@link Error}
   * included); {@code timedOut} says it was stopped at the deadline.
   */
  record Result(String text, Throwable failure, boolean timedOut) {}

  static Result render(Template template, Map<String, ?> model, RenderLimits limits) {
    CappedWriter out = new CappedWriter(limits.outputChars());
    Throwable[] failure = new Throwable[1];
    Runnable work =
        () -> {
          try {
            template.process(model, out);
          } catch (
              Throwable t) { // StackOverflowError and OutOfMemoryError too: reported, not fatal
            failure[0] = t;
          }
        };
    Thread worker = new Thread(null, work, "rapport-template-render", 0);
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join(limits.time().toMillis());
      if (!worker.isAlive()) return new Result(out.toString(), failure[0], false);
      worker.interrupt();
      worker.join(STOP_GRACE_MILLIS);
      return new Result(null, failure[0], true);
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw new TemplateRenderException(
          "Rendering " + template.getSourceName() + " was interrupted.");
    }
  }
}
