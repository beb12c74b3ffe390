package dev.rapport.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OAuth2 authorization server on 127.0.0.1 for tests: an authorize endpoint that redirects
 * at once with a code and the state (or an error, or a wrong state), a token endpoint that checks
 * the PKCE verifier and serves refresh and device-code grants, a device endpoint and an
 * introspection endpoint (RFC 7662) for Dovecot. Counts every call to the token endpoint.
 */
public final class MockAuthServer implements AutoCloseable {
  public enum Redirect {
    CODE,
    ERROR,
    WRONG_STATE
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer http;
  private final Map<String, String[]> codes = new ConcurrentHashMap<>(); // code -> challenge, uri
  private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();
  public final AtomicInteger tokenCalls = new AtomicInteger();
  public final AtomicInteger refreshCalls = new AtomicInteger();
  public final AtomicInteger devicePolls = new AtomicInteger();
  public final AtomicInteger introspections = new AtomicInteger();
  public volatile Redirect redirect = Redirect.CODE;
  public volatile long expiresIn = 3600;
  public volatile String username = "ada@example.org";
  public volatile boolean giveRefreshToken = true;

  /** Answers the device-code polls give before the tokens: authorization_pending, slow_down… */
  public final Deque<String> deviceAnswers = new ArrayDeque<>();

  public volatile String lastDeviceSecret;
  public volatile String lastClientSecret;
  public volatile String lastAuthorizeQuery;

  /** Each refresh hands out a new refresh token and ends the one used (rotation). */
  public volatile boolean rotateRefreshTokens;

  /** The expires_in sent as given (a string, say); {@link #OMIT} leaves it out. */
  public volatile Object expiresInAs;

  public static final Object OMIT = new Object();

  /** Leaves token_type out of token responses, as some servers do. */
  public volatile boolean omitTokenType;

  /** The scope named in token responses (null: none named). */
  public volatile String grantedScope;

  /** The token endpoint accepts the client secret only in an Authorization: Basic header. */
  public volatile boolean basicOnly;

  /** Answers the next token request with this JSON error (error, error_description…) once. */
  public volatile Map<String, Object> nextTokenError;

  /** The token endpoint answers 503 temporarily_unavailable while true. */
  public volatile boolean tokenEndpointDown;

  /** Which discovery documents are served: "oidc", "rfc8414", or none. */
  public volatile String discovery = "oidc";

  /** The issuer the metadata names (null: this server's own URL). */
  public volatile String metadataIssuer;

  /** Client authentications seen at the token endpoint: "basic", "post" or "none". */
  public final java.util.List<String> clientAuths =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  /** Called with each access token issued (tests give it to GreenMail as the password). */
  public volatile java.util.function.Consumer<String> onIssue = t -> {};

  public MockAuthServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
    http.createContext("/authorize", this::authorize);
    http.createContext("/token", this::token);
    http.createContext("/device", this::device);
    http.createContext("/introspect", this::introspect);
    http.createContext("/.well-known/openid-configuration", x -> metadata(x, "oidc"));
    http.createContext("/.well-known/oauth-authorization-server", x -> metadata(x, "rfc8414"));
    http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    http.start();
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
  }

  /** The oauth2 section of a config pointing at this server. */
  public String yaml(String provider, String extra) {
    return """
        oauth2:
          provider: %s
          client_id: test-client
          authorize_url: %s
          token_url: %s
          device_url: %s
          scopes: [mail]
        %s"""
        .formatted(provider, url("/authorize"), url("/token"), url("/device"), extra);
  }

  /** A refresh token as a past sign-in left it, for tests that start signed in. */
  public String grantedRefreshToken() {
    String refresh = "refresh-" + sequence.incrementAndGet();
    refreshTokens.put(refresh, true);
    return refresh;
  }

  /** Every refresh token stops working: the user withdrew consent. */
  public void revokeConsent() {
    refreshTokens.replaceAll((k, v) -> false);
    accessTokens.clear();
  }

  /** Every access token issued so far stops working, as a server may decide before expiry. */
  public void revokeAccessTokens() {
    accessTokens.clear();
  }

  public boolean active(String token) {
    Instant until = accessTokens.get(token);
    return until != null && Instant.now().isBefore(until);
  }

  private void authorize(HttpExchange x) throws IOException {
    Map<String, String> q = form(x.getRequestURI().getRawQuery());
    lastAuthorizeQuery = x.getRequestURI().getRawQuery();
    if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
      reply(x, 400, Map.of("error", "invalid_request", "error_description", "PKCE S256 required"));
      return;
    }
    String target = q.get("redirect_uri");
    String location;
    switch (redirect) {
      case ERROR ->
          location =
              target
                  + "?error=access_denied&error_description=The+user+said+no&state="
                  + enc(q.get("state"));
      case WRONG_STATE -> location = target + "?code=abc&state=forged";
      default -> {
        String code = "code-" + sequence.incrementAndGet();
        codes.put(code, new String[] {q.get("code_challenge"), target});
        location = target + "?code=" + code + "&state=" + enc(q.get("state"));
      }
    }
    x.getResponseHeaders().set("Location", location);
    x.sendResponseHeaders(302, -1);
    x.close();
  }

  private void token(HttpExchange x) throws IOException {
    tokenCalls.incrementAndGet();
    if (tokenEndpointDown) {
      reply(x, 503, Map.of("error", "temporarily_unavailable", "error_description", "Try later"));
      return;
    }
    Map<String, String> f =
        form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String basic = x.getRequestHeaders().getFirst("Authorization");
    String clientId = f.get("client_id");
    if (basic != null && basic.startsWith("Basic ")) {
      String[] pair =
          new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
              .split(":", 2);
      clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
      lastClientSecret = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
      clientAuths.add("basic");
    } else {
      lastClientSecret = f.get("client_secret");
      clientAuths.add(lastClientSecret != null ? "post" : "none");
    }
    if (!"test-client".equals(clientId) || (basicOnly && basic == null)) {
      reply(
          x,
          401,
          Map.of("error", "invalid_client", "error_description", "Client authentication failed"));
      return;
    }
    Map<String, Object> error = nextTokenError;
    if (error != null) {
      nextTokenError = null;
      reply(x, 400, error);
      return;
    }
    switch (String.valueOf(f.get("grant_type"))) {
      case "authorization_code" -> {
        String[] c = codes.remove(String.valueOf(f.get("code")));
        if (c == null
            || !c[1].equals(f.get("redirect_uri"))
            || !c[0].equals(s256(String.valueOf(f.get("code_verifier"))))) {
          reply(x, 400, Map.of("error", "invalid_grant", "error_description", "code or verifier"));
          return;
        }
        issue(x, true);
      }
      case "refresh_token" -> {
        refreshCalls.incrementAndGet();
        String used = String.valueOf(f.get("refresh_token"));
        if (!Boolean.TRUE.equals(refreshTokens.get(used))) {
          reply(
              x,
              400,
              Map.of(
                  "error",
                  "invalid_grant",
                  "error_description",
                  "Token has been expired or revoked."));
          return;
        }
        if (rotateRefreshTokens) refreshTokens.put(used, false);
        issue(x, rotateRefreshTokens);
      }
      case "urn:ietf:params:oauth:grant-type:device_code" -> {
        devicePolls.incrementAndGet();
        lastDeviceSecret = f.get("device_code");
        String next;
        synchronized (deviceAnswers) {
          next = deviceAnswers.poll();
        }
        if (next != null) {
          reply(x, 400, Map.of("error", next));
          return;
        }
        issue(x, true);
      }
      default -> reply(x, 400, Map.of("error", "unsupported_grant_type"));
    }
  }

  private void issue(HttpExchange x, boolean newRefresh) throws IOException {
    int n = sequence.incrementAndGet();
    String access = "access-" + n;
    accessTokens.put(access, Instant.now().plusSeconds(expiresIn));
    onIssue.accept(access);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", access);
    if (!omitTokenType) body.put("token_type", "Bearer");
    Object expires = expiresInAs == null ? expiresIn : expiresInAs;
    if (expires != OMIT) body.put("expires_in", expires);
    if (grantedScope != null) body.put("scope", grantedScope);
    if (newRefresh && giveRefreshToken) {
      String refresh = "refresh-" + n;
      refreshTokens.put(refresh, true);
      body.put("refresh_token", refresh);
    }
    reply(x, 200, body);
  }

  private void device(HttpExchange x) throws IOException {
    Map<String, String> f =
        form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (!"test-client".equals(f.get("client_id"))) {
      reply(x, 401, Map.of("error", "invalid_client"));
      return;
    }
    reply(
        x,
        200,
        Map.of(
            "device_code",
            "device-" + sequence.incrementAndGet(),
            "user_code",
            "WDJB-MJHT",
            "verification_uri",
            url("/activate").toString(),
            "expires_in",
            300,
            "interval",
            1));
  }

  private void metadata(HttpExchange x, String kind) throws IOException {
    if (!kind.equals(discovery)) {
      reply(x, 404, Map.of("error", "not_found"));
      return;
    }
    String base = url("").toString();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("issuer", metadataIssuer != null ? metadataIssuer : base);
    m.put("authorization_endpoint", base + "/authorize");
    m.put("token_endpoint", base + "/token");
    m.put("device_authorization_endpoint", base + "/device");
    m.put("response_types_supported", java.util.List.of("code"));
    m.put("scopes_supported", java.util.List.of("mail", "offline_access"));
    m.put(
        "token_endpoint_auth_methods_supported",
        basicOnly
            ? java.util.List.of("client_secret_basic")
            : java.util.List.of("client_secret_post", "client_secret_basic"));
    reply(x, 200, m);
  }

  private void introspect(HttpExchange x) throws IOException {
    introspections.incrementAndGet();
    Map<String, String> f =
        form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String token = f.get("token");
    if (token != null && active(token)) reply(x, 200, Map.of("active", true, "username", username));
    else reply(x, 200, Map.of("active", false));
  }

  private static void reply(HttpExchange x, int status, Map<String, ?> body) throws IOException {
    byte[] b = JSON.writeValueAsBytes(body);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.getResponseHeaders().set("Cache-Control", "no-store");
    x.sendResponseHeaders(status, b.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(b);
    }
  }

  static Map<String, String> form(String s) {
    Map<String, String> m = new LinkedHashMap<>();
    if (s == null || s.isEmpty()) return m;
    for (String pair : s.split("&")) {
      int i = pair.indexOf('=');
      String k = URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), StandardCharsets.UTF_8);
      String v = i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8);
      m.put(k, v);
    }
    return m;
  }

  private static String enc(String s) {
    return URLEncoder.encode(String.valueOf(s), StandardCharsets.UTF_8);
  }

  private static String s256(String verifier) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
