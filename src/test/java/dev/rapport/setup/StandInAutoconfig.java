package dev.rapport.setup;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the places autoconfig documents live, on 127.0.0.1: documents by path, 404 for the
 * rest. {@link #places()} are the URL templates rapport asks, in Thunderbird's order.
 */
final class StandInAutoconfig implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, String> documents = new ConcurrentHashMap<>();
  final List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());

  StandInAutoconfig() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          asked.add(ex.getRequestURI().toString());
          String doc = documents.get(path);
          byte[] body = (doc == null ? "not here" : doc).getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/xml");
          ex.sendResponseHeaders(doc == null ? 404 : 200, body.length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
          }
        });
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Like the real three: the domain's autoconfig host, its .well-known path, the ISPDB. */
  List<String> places() {
    return List.of(
        base() + "/autoconfig/{domain}/mail/config-v1.1.xml?emailaddress={email}",
        base() + "/wellknown/{domain}/.well-known/autoconfig/mail/config-v1.1.xml",
        base() + "/ispdb/v1.1/{domain}");
  }

  void put(String path, String xml) {
    documents.put(path, xml);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A document naming plaintext servers on 127.0.0.1 (allowed there), e.g. a GreenMail's. */
  static String loopback(int imapPort, int smtpPort) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <clientConfig version="1.1"><emailProvider id="test">
          <incomingServer type="imap"><hostname>127.0.0.1</hostname><port>%d</port>
            <socketType>plain</socketType><username>%%EMAILADDRESS%%</username>
            <authentication>password-cleartext</authentication></incomingServer>
          <outgoingServer type="smtp"><hostname>127.0.0.1</hostname><port>%d</port>
            <socketType>plain</socketType><username>%%EMAILADDRESS%%</username>
            <authentication>password-cleartext</authentication></outgoingServer>
        </emailProvider></clientConfig>
        """
        .formatted(imapPort, smtpPort);
  }
}
