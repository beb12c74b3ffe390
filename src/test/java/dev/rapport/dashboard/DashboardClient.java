package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session with the dashboard over plain HTTP, started as a user starts one: at the
 * address with the token the banner prints. Its cookie and the CSRF token from the first page go
 * with every request; form posts carry them. Redirects are not followed, so a test sees the 303.
 */
final class DashboardClient {
  private final Dashboard dashboard;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  final String cookie;
  final String csrf;

  DashboardClient(DashboardFixture f) throws Exception {
    this(f.dashboard);
  }

  DashboardClient(Dashboard dashboard) throws Exception {
    this.dashboard = dashboard;
    HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(dashboard.loginUrl())));
    assertThat(login.statusCode()).as("the login answer").isEqualTo(303);
    cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    HttpResponse<String> r =
        send(HttpRequest.newBuilder(URI.create(url("/pipeline"))).header("Cookie", cookie));
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(r.body());
    assertThat(m.find()).as("a CSRF field on the pipeline page (its add-contact form)").isTrue();
    csrf = m.group(1);
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", cookie).GET());
  }

  String url(String path) {
    return "http://127.0.0.1:" + dashboard.port() + path;
  }

  /** A form post with the session's token added. */
  HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("csrf", csrf);
    return postRaw(path, all);
  }

  /** A form post exactly as given: no token unless the fields hold one. */
  HttpResponse<String> postRaw(String path, Map<String, String> fields) throws Exception {
    String form =
        fields.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** A multipart form post, as a browser sends a form with a file: the token is added. */
  HttpResponse<String> postFile(
      String path, Map<String, String> fields, String fileField, String fileName, byte[] content)
      throws Exception {
    String boundary = "----rapport-test-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("csrf", csrf);
    for (Map.Entry<String, String> e : all.entrySet())
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + e.getKey()
                  + "\"\r\n\r\n"
                  + e.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Cookie", cookie)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(
        b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
