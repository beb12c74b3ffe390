package dev.rapport.dashboard;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Browser sessions of the dashboard, in memory: each holds its CSRF token and the flash message to
 * show after a redirect. Identified by a random cookie. Only a token {@link Login} creates one, so
 * the cap is only reached by the owner's own logins; past {@link #MAX} the least recently used is
 * forgotten.
 */
final class Sessions {
  static final int MAX = 50;
  private final SecureRandom random = new SecureRandom();

  private final Map<String, Session> byId =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
          return size() > MAX;
        }
      };

  /** One browser's session. */
  static final class Session {
    final String id;
    final String csrf;
    private Flash flash;

    Session(String id, String csrf) {
      this.id = id;
      this.csrf = csrf;
    }

    synchronized void flash(Flash f) {
      flash = f;
    }

    /** The flash message, once: reading it clears it. */
    synchronized Flash takeFlash() {
      Flash f = flash;
      flash = null;
      return f;
    }
  }

  /** A message shown once on the next page: {@code kind} is "ok" or "error". */
  public record Flash(String kind, String text) {
    static Flash ok(String text) {
      return new Flash("ok", text);
    }

    static Flash error(String text) {
      return new Flash("error", text);
    }
  }

  synchronized Optional<Session> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  synchronized Session create() {
    Session s = new Session(token(), token());
    byId.put(s.id, s);
    return s;
  }

  private String token() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
