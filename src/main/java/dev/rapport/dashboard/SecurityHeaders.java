package dev.rapport.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers on every answer of the dashboard, pages, refusals and error pages alike: set by the
 * {@link Guard} before any handler, and by {@link ErrorPages} on what Jetty answers by itself.
 */
final class SecurityHeaders {
  private SecurityHeaders() {}

  /** No inline script or style, nothing from elsewhere, no framing. */
  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  static final Map<String, String> ALL = all();

  private static Map<String, String> all() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", CSP);
    h.put("X-Frame-Options", "DENY");
    h.put("X-Content-Type-Options", "nosniff");
    // "no-referrer" would make browsers send "Origin: null" with our own forms.
    h.put("Referrer-Policy", "same-origin");
    h.put("Cache-Control", "no-store");
    h.put("Cross-Origin-Opener-Policy", "same-origin");
    h.put("Cross-Origin-Resource-Policy", "same-origin");
    return Map.copyOf(h);
  }
}
