package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard belongs to the person who runs it: only the address with the token from {@code
 * dashboard.secret} starts a session; without one, every page, form and asset answers with where to
 * find that address, and no number of such requests can push a real session out.
 */
class DashboardAccessIT {
  static final Hostile hostile = new Hostile("DashboardAccessIT");
  static final SecureRandom random = new SecureRandom();

  @TempDir Path dir;
  DashboardFixture f;
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  long contact;
  long draft;
  String token;

  @BeforeEach
  void start() {
    f = new DashboardFixture(dir);
    contact = f.contact("Ada Lovelace", "ada@example.org", 1);
    draft = f.outreach(contact);
    token = f.app.data().dashboardSecret();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @AfterAll
  static void tally() {
    hostile.report();
  }

  @Test
  void withoutASessionEveryPageAndAssetAnswersOnlyWhereToFindTheAddress() throws Exception {
    List<String> pages =
        List.of(
            "/",
            "/pipeline",
            "/pipeline?stage=NEW",
            "/contacts/" + contact,
            "/status",
            "/progress",
            "/compare",
            "/import",
            "/hypotheses",
            "/hypotheses/1",
            "/questions",
            "/static/style.css",
            "/nowhere",
            "/drafts/" + draft + "/approve",
            "/login/",
            "/LOGIN?token=" + token.toUpperCase(Locale.ROOT));
    for (String path : pages) {
      for (Optional<String> cookie :
          List.of(Optional.<String>empty(), Optional.of(bogusCookie()))) {
        HttpResponse<String> r = get(path, cookie);
        assertThat(hostile.count(refusedWithTheWayIn(r))).as(path + " " + cookie).isTrue();
      }
    }
  }

  @Test
  void withoutASessionNoFormChangesAnythingEvenWithARealSessionsToken() throws Exception {
    DashboardClient owner = f.client();
    List<String> forms =
        List.of(
            "/drafts/" + draft + "/approve",
            "/drafts/approve-all",
            "/drafts/" + draft + "/reject",
            "/drafts/" + draft + "/edit",
            "/contacts",
            "/contacts/" + contact + "/stage",
            "/contacts/" + contact + "/outreach",
            "/contacts/" + contact + "/note",
            "/contacts/" + contact + "/keep",
            "/contacts/" + contact + "/edit",
            "/contacts/" + contact + "/interview/schedule",
            "/contacts/" + contact + "/interview/done",
            "/hypotheses",
            "/questions",
            "/import",
            "/pause",
            "/login?token=" + token);
    Map<String, String> fields =
        Map.of(
            "csrf", owner.csrf,
            "stage", "PAUSED",
            "name", "Mallory",
            "email", "mallory@example.org",
            "text", "<b>x</b>",
            "subject", "hijacked",
            "body", "hijacked");
    for (String path : forms) {
      for (Optional<String> cookie :
          List.of(Optional.<String>empty(), Optional.of(bogusCookie()))) {
        HttpResponse<String> r = post(path, cookie, fields);
        assertThat(hostile.count(refusedWithTheWayIn(r))).as(path + " " + cookie).isTrue();
      }
    }
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.PENDING);
    assertThat(f.app.drafts().get(draft).subject()).isNotEqualTo("hijacked");
    assertThat(f.app.contacts().get(contact).stage()).isEqualTo(Stage.NEW);
    assertThat(f.app.contacts().list(Optional.empty())).hasSize(1);
    assertThat(f.app.hypotheses().list()).isEmpty();
    assertThat(f.app.pauses().current()).isEmpty();
  }

  @Test
  void aWrongTokenStartsNoSession() throws Exception {
    List<String> wrong =
        List.of(
            "",
            "token=",
            "token=wrong",
            "token=" + token.substring(0, token.length() - 1),
            "token=" + token + "0",
            "token=" + token.toUpperCase(Locale.ROOT),
            "token=" + URLEncoder.encode(" " + token, StandardCharsets.UTF_8),
            "token=" + token.substring(0, 8),
            "token=" + "0".repeat(token.length()),
            "token=" + "a".repeat(4000),
            "token=%00",
            "tok=" + token,
            "token=" + (token.charAt(0) == '0' ? "1" : "0") + token.substring(1));
    for (String query : wrong) {
      HttpResponse<String> r = get("/login?" + query, Optional.empty());
      assertThat(hostile.count(refusedWithTheWayIn(r))).as(query).isTrue();
    }
    // Another site's page cannot log the browser in with a script or an image either.
    HttpResponse<String> image =
        http.send(
            HttpRequest.newBuilder(URI.create(f.dashboard.loginUrl()))
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "no-cors")
                .header("Sec-Fetch-Dest", "image")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(
            hostile.count(
                image.statusCode() == 403 && image.headers().firstValue("Set-Cookie").isEmpty()))
        .isTrue();
  }

  @Test
  void theAddressWithTheTokenStartsASessionAndLeavesTheTokenBehind() throws Exception {
    HttpResponse<String> login = get("/login?token=" + token, Optional.empty());
    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("Location")).hasValue("/");
    String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith("rapport_session_" + f.dashboard.port() + "=")
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Path=/")
        .doesNotContainIgnoringCase("Secure;")
        .doesNotContain(token);
    assertThat(setCookie.toLowerCase(Locale.ROOT)).doesNotEndWith("secure");
    String cookie = setCookie.split(";", 2)[0];
    HttpResponse<String> page = get("/", Optional.of(cookie));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Ada Lovelace").doesNotContain(token);
  }

  @Test
  void requestsWithoutASessionCannotPushTheOwnersSessionOut() throws Exception {
    DashboardClient owner = f.client();
    for (int i = 0; i < 1_000; i++) {
      HttpResponse<String> r = get(i % 2 == 0 ? "/" : "/pipeline", Optional.empty());
      assertThat(hostile.count(r.statusCode() == 401 && noCookieSet(r))).isTrue();
    }
    for (int i = 0; i < 300; i++) {
      HttpResponse<String> r = get("/status", Optional.of(bogusCookie()));
      assertThat(hostile.count(r.statusCode() == 401 && noCookieSet(r))).isTrue();
    }
    for (int i = 0; i < 100; i++) {
      HttpResponse<String> r = get("/login?token=" + i, Optional.empty());
      assertThat(hostile.count(r.statusCode() == 401 && noCookieSet(r))).isTrue();
    }
    assertThat(owner.get("/").body()).contains("Ada Lovelace");
    HttpResponse<String> approve = owner.post("/drafts/" + draft + "/approve", Map.of());
    assertThat(approve.statusCode()).isEqualTo(303);
    assertThat(f.app.drafts().get(draft).status()).isEqualTo(DraftStatus.APPROVED);
  }

  @Test
  void theTokenIsTheOwnersAloneAndKeptAcrossRestarts() throws Exception {
    Path file = f.app.data().dashboardSecretFile();
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String before = f.dashboard.loginUrl();
    DashboardClient old = f.client();
    f.dashboard.stop();
    Dashboard again = new Dashboard(f.app, f.dashboard.port(), Optional::empty);
    again.start();
    try {
      assertThat(again.loginUrl()).isEqualTo(before);
      assertThat(new DashboardClient(again).get("/").body()).contains("Ada Lovelace");
      // Sessions live in memory: an old cookie is not enough after a restart.
      assertThat(old.get("/").statusCode()).isEqualTo(401);
    } finally {
      again.stop();
    }
  }

  /** A 401 that shows where the address is, sets no cookie and shows nothing of the data. */
  private boolean refusedWithTheWayIn(HttpResponse<String> r) {
    return r.statusCode() == 401
        && r.body().contains("dashboard.secret")
        && r.body().contains("rapport dashboard")
        && !r.body().contains("Ada Lovelace")
        && !r.body().contains("ada@example.org")
        && !r.body().contains(token)
        && noCookieSet(r)
        && r.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("frame-ancestors 'none'");
  }

  private static boolean noCookieSet(HttpResponse<String> r) {
    return r.headers().firstValue("Set-Cookie").isEmpty();
  }

  private String bogusCookie() {
    byte[] b = new byte[24];
    random.nextBytes(b);
    return "rapport_session_" + f.dashboard.port() + "=" + HexFormat.of().formatHex(b);
  }

  private HttpResponse<String> get(String path, Optional<String> cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(f.url(path))).GET();
    cookie.ifPresent(c -> b.header("Cookie", c));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Optional<String> cookie, Map<String, String> form)
      throws Exception {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(f.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    cookie.ifPresent(c -> b.header("Cookie", c));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
