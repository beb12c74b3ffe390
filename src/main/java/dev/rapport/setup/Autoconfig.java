package dev.rapport.setup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Asks the places a domain's Mozilla-style autoconfig document may live, in Thunderbird's order:
 * the domain's own autoconfig host, its {@code .well-known} path, then Thunderbird's ISPDB. The
 * places are URL templates ({@code {domain}}, {@code {email}}) so tests point them at a server on
 * 127.0.0.1. Every request has a timeout and a size cap.
 */
public final class Autoconfig {
  public static final List<String> PLACES =
      List.of(
          "https://autoconfig.{domain}/mail/config-v1.1.xml?emailaddress={email}",
          "https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml",
          "https://autoconfig.thunderbird.net/v1.1/{domain}");
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final int MAX_BYTES = 256 * 1024;

  private final List<String> places;
  private final HttpClient http;

  public Autoconfig(List<String> places) {
    this.places = List.copyOf(places);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  public static Autoconfig standard() {
    return new Autoconfig(PLACES);
  }

  /** The first usable document's servers; {@code said} hears what each place answered. */
  public Optional<Found> find(String address, Consumer<String> said) {
    String domain = address.substring(address.indexOf('@') + 1);
    for (String place : places) {
      String url =
          place
              .replace("{domain}", domain)
              .replace("{email}", URLEncoder.encode(address, StandardCharsets.UTF_8));
      try {
        Optional<byte[]> body = get(url);
        if (body.isEmpty()) {
          said.accept(url + ": no document");
          continue;
        }
        return Optional.of(AutoconfigXml.parse(body.get(), address, "autoconfig at " + url));
      } catch (AutoconfigXml.Unusable e) {
        said.accept(url + ": " + e.getMessage());
      } catch (IOException e) {
        said.accept(url + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      } catch (IllegalArgumentException e) {
        said.accept(url + ": not a usable address");
      }
    }
    return Optional.empty();
  }

  private Optional<byte[]> get(String url) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/xml, text/xml")
            .GET()
            .build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) return Optional.empty();
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) throw new IOException("the document is larger than 256 KiB");
      return Optional.of(body);
    }
  }
}
