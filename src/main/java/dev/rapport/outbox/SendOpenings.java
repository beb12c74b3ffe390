package dev.rapport.outbox;

import dev.rapport.store.Database;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * When a send may go: the day's cap and the pause (the user's) and the sending window (each
 * contact's, in its own time zone).
 */
final class SendOpenings {
  private final Database db;
  private final OutboxStore store;
  private final SendWindow window;
  private final PauseGate pauseGate;

  SendOpenings(Database db, OutboxStore store, SendWindow window) {
    this.db = db;
    this.store = store;
    this.window = window;
    this.pauseGate = new PauseGate(store, window);
  }

  /** True when some APPROVED draft is due and the cap and the window allow a send now. */
  boolean anyOpen(Instant now) {
    return db.read(
        c -> {
          Set<String> zones = store.zones(c, now);
          if (zones.isEmpty()) return false;
          long started = store.startedSince(c, window.dayStart(now));
          return !openZones(zones, now, started, pauseGate.at(c, now)).isEmpty();
        });
  }

  PauseGate.Verdict gate(Instant now) {
    return db.read(c -> pauseGate.at(c, now));
  }

  /** Of {@code zones} (as stored), those in which one more send is allowed at {@code t}. */
  Set<String> openZones(Set<String> zones, Instant t, long started, PauseGate.Verdict gate) {
    Set<String> open = new HashSet<>();
    for (String z : zones) {
      if (!gate.later(window.nextAllowed(t, started, OutboxStore.zone(z))).isAfter(t)) open.add(z);
    }
    return open;
  }

  /**
   * The soonest moment after {@code t} at which one of the APPROVED drafts may go (the cap, the
   * pause and each contact's window), or empty when one may go now or none waits.
   */
  Optional<Instant> waitUntil(Instant t, long started) {
    return db.read(
        c -> {
          PauseGate.Verdict gate = pauseGate.at(c, t);
          Optional<Instant> soonest = Optional.empty();
          for (String z : store.zones(c, null)) {
            Instant at = gate.later(window.nextAllowed(t, started, OutboxStore.zone(z)));
            if (soonest.isEmpty() || at.isBefore(soonest.get())) soonest = Optional.of(at);
          }
          return soonest.filter(at -> at.isAfter(t));
        });
  }
}
