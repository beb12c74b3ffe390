package dev.rapport.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.mail.MailException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The redirect target of a browser sign-in (RFC 8252 7.3): an HTTP listener on a free port of the
 * loopback interface only, for one answer. The browser is shown the page {@code judge} returns for
 * the redirect it followed; the first answer ends the wait.
 */
final class LoopbackRedirect implements AutoCloseable {
  /** What a redirect meant: the page shown to the browser and the result for the login. */
  record Answer<T>(String page, T result, RuntimeException refusal) {}

  private final HttpServer v4;
  private HttpServer v6;
  private final URI uri;
  private final CompletableFuture<Object> answer = new CompletableFuture<>();

  private LoopbackRedirect(String host, Function<URI, Answer<?>> judge) throws IOException {
    v4 = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4);
    int port = v4.getAddress().getPort();
    v4.createContext("/", x -> handle(x, judge));
    v4.start();
    // Browsers may try ::1 first for "localhost": listen there too on the same port when possible.
    try {
      v6 = HttpServer.create(new InetSocketAddress(InetAddress.getByName("::1"), port), 4);
      v6.createContext("/", x -> handle(x, judge));
      v6.start();
    } catch (IOException | RuntimeException e) {
      v6 = null;
    }
    uri = URI.create("http://" + host + ":" + port + "/");
  }

  static LoopbackRedirect start(String host, Function<URI, Answer<?>> judge) {
    try {
      return new LoopbackRedirect(host, judge);
    } catch (IOException e) {
      throw new MailException("Could not listen on 127.0.0.1 for the sign-in's redirect: " + e, e);
    }
  }

  URI uri() {
    return uri;
  }

  /** The judged result of the first redirect, or a refusal; waits at most {@code wait}. */
  Object await(Duration wait) {
    try {
      return answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new MailException(
          "No answer from the browser within "
              + wait.toMinutes()
              + " minutes; nothing saved. Run 'rapport login' again.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailException("Interrupted while waiting for the sign-in.", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new MailException("The sign-in failed: " + e.getCause(), e.getCause());
    }
  }

  private void handle(HttpExchange x, Function<URI, Answer<?>> judge) throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      if (!"GET".equals(x.getRequestMethod()) || !(path.equals("/") || path.isEmpty())) {
        x.sendResponseHeaders(404, -1);
        return;
      }
      URI full = uri.resolve(x.getRequestURI().toString());
      Answer<?> a;
      try {
        a = judge.apply(full);
      } catch (RuntimeException e) {
        a = new Answer<>("rapport could not read this answer: " + e.getMessage(), null, e);
      }
      byte[] page =
          ("<!doctype html><meta charset=utf-8><title>rapport</title><p>"
                  + escape(a.page())
                  + "</p>\n")
              .getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      x.getResponseHeaders().set("Cache-Control", "no-store");
      x.sendResponseHeaders(a.refusal() == null ? 200 : 400, page.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(page);
      }
      if (a.refusal() != null) answer.completeExceptionally(a.refusal());
      else answer.complete(a.result());
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public void close() {
    v4.stop(0);
    if (v6 != null) v6.stop(0);
  }
}
