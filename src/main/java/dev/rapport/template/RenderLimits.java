package dev.rapport.template;

import java.time.Duration;

/**
 * How far one rendering may go before it is stopped: a draft is a short email, so a template that
 * runs for seconds, writes hundreds of kilobytes or includes templates without end is broken.
 *
 * @param time how long one rendering may take
 * @param outputChars how many characters it may write
 * @param includes how many {@code <#include>}s it may do
 */
public record RenderLimits(Duration time, int outputChars, int includes) {
  public static final RenderLimits DEFAULT =
      new RenderLimits(Duration.ofSeconds(2), 256 * 1024, 100);

  public RenderLimits {
    if (time.isNegative() || time.isZero() || outputChars < 1 || includes < 1) {
      throw new IllegalArgumentException("render limits must be positive");
    }
  }

  /** The time limit in words, for messages: {@code 2 s}, {@code 0.2 s}. */
  String timeText() {
    return time.toMillis() % 1000 == 0
        ? time.toSeconds() + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", time.toMillis() / 1000.0);
  }
}
