package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's security at the HTTP level, against a real server on a loopback port: the Host
 * check, CSRF on every change, GET changing nothing, escaping, headers, loopback-only binding. Who
 * may open it at all (the token login) is {@link DashboardAccessIT}.
 */
class DashboardSecurityIT {
  @TempDir Path dir;
  DashboardFixture f;
  HttpClient http;
  long contact;
  long draft;

  @BeforeEach
  void start() {
    f = new DashboardFixture(dir);
    contact = f.contact("Ada Lovelace", "ada@example.org", 1);
    draft = f.outreach(contact);
    http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void answersOnlyItsOwnLoopbackHostNames() throws Exception {
    int port = f.dashboard.port();
    Session s = session();
    assertThat(rawGet("127.0.0.1:" + port, s.cookie)).startsWith("HTTP/1.1 200");
    assertThat(rawGet("localhost:" + port, s.cookie)).startsWith("HTTP/1.1 200");
    assertThat(rawGet("LOCALHOST:" + port, s.cookie)).startsWith("HTTP/1.1 200");
    String evil = rawGet("evil.example:" + port, s.cookie);
    assertThat(evil).startsWith("HTTP/1.1 403");
    assertThat(evil).doesNotContain("Ada Lovelace");
    assertThat(rawGet("127.0.0.1", s.cookie)).startsWith("HTTP/1.1 403");
    assertThat(rawGet("127.0.0.1:" + (port + 1), s.cookie)).startsWith("HTTP/1.1 403");
  }

  @Test
  void aPostFromAnotherHostIsRefusedEvenWithAToken() throws Exception {
    Session s = session();
    String body = "csrf=" + s.csrf;
    String answer =
        raw(
            "POST /drafts/"
                + draft
                + "/approve HTTP/1.1\r\nHost: evil.example:"
                + f.dashboard.port()
                + "\r\nCookie: "
                + s.cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.length()
                + "\r\nConnection: close\r\n\r\n"
                + body);
    assertThat(answer).startsWith("HTTP/1.1 403");
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.PENDING);
  }

  @Test
  void postWithoutTokenIsRefusedAndChangesNothing() throws Exception {
    Session s = session();
    HttpResponse<String> r = post("/drafts/" + draft + "/approve", s.cookie, "");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("nothing was changed");
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.PENDING);
    assertThat(post("/drafts/approve-all", s.cookie, "").statusCode()).isEqualTo(403);
    assertThat(post("/contacts/" + contact + "/stage", s.cookie, "stage=PAUSED").statusCode())
        .isEqualTo(403);
    assertThat(f.app.contacts().get(contact).stage()).isEqualTo(Stage.NEW);
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.PENDING);
  }

  @Test
  void postWithAWrongTokenOrAnotherSessionsTokenIsRefused() throws Exception {
    Session s = session();
    Session other = session();
    assertThat(post("/drafts/" + draft + "/approve", s.cookie, "csrf=0123abcd").statusCode())
        .isEqualTo(403);
    assertThat(post("/drafts/" + draft + "/approve", s.cookie, "csrf=" + other.csrf).statusCode())
        .isEqualTo(403);
    assertThat(post("/drafts/" + draft + "/approve", null, "csrf=" + s.csrf).statusCode())
        .isEqualTo(401);
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.PENDING);
  }

  @Test
  void postFromAForeignOriginIsRefusedEvenWithTheToken() throws Exception {
    Session s = session();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(f.url("/drafts/" + draft + "/approve")))
            .header("Cookie", s.cookie)
            .header("Origin", "http://evil.example")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("csrf=" + s.csrf))
            .build();
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.PENDING);
  }

  @Test
  void postWithTheSessionsTokenChangesAndRedirects() throws Exception {
    Session s = session();
    HttpResponse<String> r = post("/drafts/" + draft + "/approve", s.cookie, "csrf=" + s.csrf);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/");
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.APPROVED);
    assertThat(get("/", s.cookie).body()).contains("Approved: OUTREACH draft " + draft);
  }

  @Test
  void getNeverChangesState() throws Exception {
    Session s = session();
    for (String path :
        new String[] {
          "/drafts/" + draft + "/approve",
          "/drafts/approve-all",
          "/drafts/" + draft + "/reject",
          "/contacts/" + contact + "/stage?stage=PAUSED&csrf=" + s.csrf,
          "/?approve=" + draft
        }) {
      HttpResponse<String> r = get(path, s.cookie);
      assertThat(r.statusCode()).as(path).isIn(200, 404, 405);
    }
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.PENDING);
    assertThat(f.app.contacts().get(contact).stage()).isEqualTo(Stage.NEW);
  }

  @Test
  void anotherSitesPageGetsNothingButALinkFollowed() throws Exception {
    Session s = session();
    HttpResponse<String> image =
        http.send(
            HttpRequest.newBuilder(URI.create(f.url("/")))
                .header("Cookie", s.cookie)
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "no-cors")
                .header("Sec-Fetch-Dest", "image")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(image.statusCode()).isEqualTo(403);
    assertThat(image.headers().firstValue("Set-Cookie")).isEmpty();
    HttpResponse<String> link =
        http.send(
            HttpRequest.newBuilder(URI.create(f.url("/")))
                .header("Cookie", s.cookie)
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Dest", "document")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(link.statusCode()).isEqualTo(200);
  }

  @Test
  void otherMethodsAreRefused() throws Exception {
    Session s = session();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(f.url("/drafts/" + draft + "/approve")))
            .header("Cookie", s.cookie)
            .method("PUT", HttpRequest.BodyPublishers.ofString("csrf=" + s.csrf))
            .build();
    assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.PENDING);
  }

  @Test
  void aContactNamedLikeAScriptShowsAsText() throws Exception {
    long evil = f.contact("<script>alert(1)</script>", "evil@example.org", 2);
    f.outreach(evil);
    Session s = session();
    for (String path : new String[] {"/", "/pipeline", "/contacts/" + evil}) {
      String body = get(path, s.cookie).body();
      assertThat(body).as(path).doesNotContain("<script>alert(1)</script>");
      assertThat(body).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
      assertThat(body).as(path).doesNotContain("<script");
    }
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    Session s = session();
    for (String path :
        new String[] {"/", "/pipeline", "/status", "/nowhere", "/static/style.css"}) {
      HttpResponse<String> r = get(path, s.cookie);
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              csp -> {
                assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'");
                assertThat(csp).doesNotContain("unsafe-inline");
              });
      assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
    }
    HttpResponse<String> page = get("/", s.cookie);
    assertThat(page.body()).doesNotContain("<script").doesNotContain("style=");
  }

  @Test
  void boundTo127001Only() {
    // 127.0.0.2 is loopback too, but another address: a server bound to 127.0.0.1 does not answer.
    assertThatThrownBy(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.2", f.dashboard.port()), 2000);
              }
            })
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void theStatusPageShowsNoSecret() throws Exception {
    String body = get("/status", session().cookie).body();
    assertThat(body).contains("Sandbox", "sam@example.org", "127.0.0.1:");
    assertThat(body)
        .doesNotContainIgnoringCase("password:")
        .doesNotContain(f.app.data().sandboxSecret())
        .doesNotContain(f.app.data().dashboardSecret());
  }

  record Session(String cookie, String csrf) {}

  /** A browser logged in at the address with the token: its session cookie and CSRF token. */
  private Session session() throws Exception {
    DashboardClient c = f.client();
    return new Session(c.cookie, c.csrf);
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(f.url(path))).GET();
    if (cookie != null) b.header("Cookie", cookie);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(f.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) b.header("Cookie", cookie);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A GET with a Host header of our choosing (java.net.http does not let a test set Host). */
  private String rawGet(String host, String cookie) throws IOException {
    return raw(
        "GET / HTTP/1.1\r\nHost: "
            + host
            + "\r\nCookie: "
            + cookie
            + "\r\nConnection: close\r\n\r\n");
  }

  private String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", f.dashboard.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
