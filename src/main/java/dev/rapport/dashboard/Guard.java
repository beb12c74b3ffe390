package dev.rapport.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every request: sets the security headers, refuses a Host header other than this
 * server's own loopback name (DNS rebinding), refuses methods other than GET, HEAD and POST,
 * anything but a link followed from another site's page (fetch metadata), any request but the token
 * {@link Login} without a session, and a POST without the session's CSRF token or from another
 * origin. A refused request reaches no handler, so it changes nothing.
 */
final class Guard {
  static final String CSRF_FIELD = "csrf";

  private static final String SESSION = "rapport.session";

  private final Sessions sessions;
  private final Login login;
  private final Set<String> hosts;
  private final Set<String> origins;

  Guard(Sessions sessions, Login login, int port) {
    this.sessions = sessions;
    this.login = login;
    this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
    this.origins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port);
  }

  void check(Context ctx) {
    headers(ctx);
    String host = ctx.header("Host");
    if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
      refuse(ctx, 403, "This dashboard answers only at http://127.0.0.1 or http://localhost.");
      return;
    }
    HandlerType method = ctx.method();
    if (!method.equals(HandlerType.GET)
        && !method.equals(HandlerType.HEAD)
        && !method.equals(HandlerType.POST)) {
      refuse(ctx, 405, "Only GET and POST are used here.");
      return;
    }
    if (fromAnotherSite(ctx) && !navigation(ctx)) {
      refuse(ctx, 403, "This dashboard serves nothing to other sites' pages.");
      return;
    }
    if (method.equals(HandlerType.GET) && ctx.path().equals(Login.PATH)) return;
    // Looked up, never created: only the token login makes a session, so nobody else can churn
    // them.
    Sessions.Session session = sessions.find(ctx.cookie(login.cookieName())).orElse(null);
    if (session == null) {
      refuse(ctx, 401, login.howToOpen());
      return;
    }
    ctx.attribute(SESSION, session);
    if (method.equals(HandlerType.POST) && !postAllowed(ctx, session)) {
      refuse(
          ctx,
          403,
          "Refused: this form did not come from a page of this dashboard (its security token is missing or out of date)."
              + " Reload the page and try again; nothing was changed.");
    }
  }

  /**
   * The session the request was let in with; none for an answer the server gives before the guard
   * has looked (an error page).
   */
  Optional<Sessions.Session> session(Context ctx) {
    return Optional.ofNullable(ctx.attribute(SESSION));
  }

  /**
   * Fetch metadata (Sec-Fetch-Site) from a browser says the request comes from another site's page,
   * or another port of this host ("same-site"): only following a link is let through.
   */
  private static boolean fromAnotherSite(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    return "cross-site".equals(site) || "same-site".equals(site);
  }

  private static boolean navigation(Context ctx) {
    String dest = ctx.header("Sec-Fetch-Dest");
    return ctx.method().equals(HandlerType.GET)
        && "navigate".equals(ctx.header("Sec-Fetch-Mode"))
        && (dest == null || dest.equals("document"));
  }

  private boolean postAllowed(Context ctx, Sessions.Session session) {
    String origin = ctx.header("Origin");
    if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) return false;
    String fetchSite = ctx.header("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none"))
      return false;
    String given;
    try {
      given = ctx.formParam(CSRF_FIELD);
    } catch (Exception e) { // Javalin passes on Jetty's checked ServletException unchecked
      throw UnreadableForm.from(e);
    }
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), session.csrf.getBytes(StandardCharsets.UTF_8));
  }

  static void headers(Context ctx) {
    SecurityHeaders.ALL.forEach(ctx::header);
  }

  private static void refuse(Context ctx, int status, String why) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result(why + "\n");
    ctx.skipRemainingHandlers();
  }
}
