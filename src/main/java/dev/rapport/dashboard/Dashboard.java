package dev.rapport.dashboard;

import dev.rapport.NotFoundException;
import dev.rapport.RapportException;
import dev.rapport.daemon.Component;
import dev.rapport.inbox.Inbox;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard: pages over the same services as the CLI, served on 127.0.0.1 at {@code
 * dashboard.port}. Started by {@code run} after the other parts. Every request passes the {@link
 * Guard} first; a browser starts a session at the address with the token ({@link #loginUrl()}),
 * which the banner prints. Pages are GET and change nothing, every change is a POST with the
 * session's CSRF token, answered by a redirect to a page with a flash message.
 */
public final class Dashboard implements Component {
  private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
  static final String HOST = "127.0.0.1";

  /** The largest form but the import's upload. */
  static final int MAX_FORM_BYTES = 256 * 1024;

  private final DashboardServices app;
  private final int requestedPort;
  private final Supplier<Optional<Inbox>> inbox;
  private final Pages pages = new Pages();
  private final Sessions sessions = new Sessions();
  private Javalin server;
  private String token;
  private int port;
  private String unavailable;

  /**
   * @param app the services its pages use (the App's, as the CLI's)
   * @param port the port on 127.0.0.1; 0 picks a free one (tests)
   * @param inbox the daemon's inbox watcher, for the status page
   */
  public Dashboard(DashboardServices app, int port, Supplier<Optional<Inbox>> inbox) {
    this.app = app;
    this.requestedPort = port;
    this.inbox = inbox;
  }

  @Override
  public String name() {
    return "dashboard";
  }

  /**
   * Starts the server. A port already in use does not stop the daemon, whose mail work matters
   * more: the dashboard stays off and {@link #unavailable} says why (the banner prints it).
   */
  @Override
  public void start() {
    int wanted = requestedPort == 0 ? freePort() : requestedPort;
    String secret = app.data().dashboardSecret();
    Login login = new Login(sessions, secret, wanted, app.data().dashboardSecretFile());
    Guard guard = new Guard(sessions, login, wanted);
    Handlers h = new Handlers(app, pages, guard, inbox);
    Javalin j =
        Javalin.create(
            cfg -> {
              cfg.jetty.host = HOST;
              cfg.jetty.port = wanted;
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.maxRequestSize = MAX_FORM_BYTES;
              // Only the import form uploads; its files are read in memory, never cached on disk.
              cfg.jetty.multipartConfig.maxFileSize(ImportPage.MAX_BYTES, SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxTotalRequestSize(
                  ImportPage.MAX_BYTES + 64 * 1024, SizeUnit.BYTES);
              cfg.jetty.multipartConfig.maxInMemoryFileSize(
                  (int) ImportPage.MAX_BYTES, SizeUnit.BYTES);
              cfg.router.ignoreTrailingSlashes = true;
              cfg.routes.before(guard::check);
              cfg.routes.get(Login.PATH, login::open);
              h.routes(cfg.routes);
              cfg.routes.get("/static/style.css", Dashboard::css);
              cfg.jetty.modifyServer(server -> server.setErrorHandler(new ErrorPages()));
              cfg.routes.exception(UnreadableForm.class, (e, ctx) -> h.unreadable(ctx, e));
              cfg.routes.exception(NotFoundException.class, (e, ctx) -> h.error(ctx, 404, e));
              cfg.routes.exception(RapportException.class, (e, ctx) -> h.error(ctx, 400, e));
              cfg.routes.exception(Exception.class, (e, ctx) -> h.failure(ctx, e));
              cfg.routes.error(404, ctx -> h.notFound(ctx));
            });
    try {
      j.start();
    } catch (RuntimeException e) {
      if (!(rootCause(e) instanceof BindException)) throw e;
      unavailable =
          "port "
              + wanted
              + " on 127.0.0.1 is in use; stop the program using it or set dashboard.port in the config";
      log.warn("the dashboard did not start: {}", unavailable);
      try {
        j.stop();
      } catch (RuntimeException ignored) {
        // nothing was started
      }
      return;
    }
    server = j;
    port = wanted;
    token = secret;
    log.info("dashboard on {}", url());
  }

  @Override
  public void stop() {
    if (server != null) server.stop();
    server = null;
  }

  /** True while it serves pages. */
  public boolean running() {
    return server != null;
  }

  /** Why it is not serving, when a port in use kept it off. */
  public Optional<String> unavailable() {
    return Optional.ofNullable(unavailable);
  }

  public int port() {
    return port;
  }

  /** Where it answers; without a session every page says how to log in. Safe to log. */
  public String url() {
    return "http://" + HOST + ":" + port + "/";
  }

  /**
   * The address that opens it in a browser: it holds the token, so it is printed to the user alone
   * (the banner), never logged.
   */
  public String loginUrl() {
    return loginUrl(port, token);
  }

  /** The address that opens a dashboard on {@code port} with {@code token}. */
  public static String loginUrl(int port, String token) {
    return "http://" + HOST + ":" + port + Login.PATH + "?token=" + token;
  }

  private static void css(Context ctx) throws IOException {
    try (InputStream in = Dashboard.class.getResourceAsStream("/dashboard/static/style.css")) {
      if (in == null) throw new NotFoundException("There is no style sheet.");
      ctx.contentType("text/css; charset=utf-8").result(in.readAllBytes());
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t;
  }

  private static int freePort() {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new RapportException("No free port for the dashboard: " + e.getMessage(), e);
    }
  }

  static Map<String, Object> model() {
    return new HashMap<>();
  }
}
