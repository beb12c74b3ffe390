package dev.rapport.dashboard;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Who may open the dashboard: whoever presents the token kept in the data folder ({@code
 * dashboard.secret}, readable by its owner only), as notebook servers do. {@code GET
 * /login?token=...} with the right token starts a session (its cookie) and redirects to the review
 * queue, so the token does not stay in the address bar. Only this creates sessions.
 */
final class Login {
  static final String PATH = "/login";

  private final Sessions sessions;
  private final byte[] token;
  private final String cookie;
  private final String howToOpen;

  Login(Sessions sessions, String token, int port, Path tokenFile) {
    this.sessions = sessions;
    this.token = token.getBytes(StandardCharsets.UTF_8);
    // Cookies are shared across ports of one host: a name per port keeps two dashboards apart.
    this.cookie = "rapport_session_" + port;
    this.howToOpen =
        "This dashboard opens only for the person running rapport. Open it from the address"
            + " rapport printed when it started (the line \"Dashboard: open http://127.0.0.1:"
            + port
            + "/login?token=...\"); 'rapport dashboard' prints it again. The token is kept in "
            + tokenFile
            + ", readable by you only.";
  }

  /** The name of the session cookie. */
  String cookieName() {
    return cookie;
  }

  /** What a request without a session is told: where to find the address. */
  String howToOpen() {
    return howToOpen;
  }

  void open(Context ctx) {
    String given = ctx.queryParam("token");
    if (given == null || !matches(given)) {
      ctx.status(401).contentType("text/plain; charset=utf-8").result(howToOpen + "\n");
      return;
    }
    Sessions.Session s = sessions.create();
    Cookie c = new Cookie(cookie, s.id, "/", -1, false, true, null, SameSite.STRICT);
    ctx.cookie(c);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  /** Compared in constant time, so the answer's timing says nothing about the token. */
  private boolean matches(String given) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token);
  }
}
