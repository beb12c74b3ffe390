package dev.rapport.outbox;

import dev.rapport.pause.Pause;
import dev.rapport.pause.PauseStore;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a pause asks of the outbox: nothing goes out while it lasts; after it, what piled up goes
 * out one at a time, the day's cap spread over the window, not in a burst at the first pass.
 */
final class PauseGate {
  /** {@code notBefore}: the next send waits until then; {@code oneAtATime}: one per pass. */
  record Verdict(boolean paused, Instant notBefore, boolean oneAtATime) {
    static final Verdict OPEN = new Verdict(false, Instant.MIN, false);
    static final Verdict PAUSED = new Verdict(true, Instant.MAX, false);

    Instant later(Instant t) {
      return notBefore.isAfter(t) ? notBefore : t;
    }
  }

  private final PauseStore pauses = new PauseStore();
  private final OutboxStore store;
  private final SendWindow window;

  PauseGate(OutboxStore store, SendWindow window) {
    this.store = store;
    this.window = window;
  }

  Verdict at(Connection c, Instant now) {
    if (pauses.activeAt(c, now).isPresent()) return Verdict.PAUSED;
    Duration spacing = window.spacing();
    if (spacing.isZero()) return Verdict.OPEN;
    Optional<Pause> last = pauses.lastEnded(c, now);
    if (last.isEmpty() || store.countApprovedBefore(c, last.get().end()) == 0) return Verdict.OPEN;
    Instant next =
        store.lastStarted(c).map(t -> t.plus(spacing)).filter(t -> t.isAfter(now)).orElse(now);
    return new Verdict(false, next, true);
  }
}
