package dev.rapport.setup;

import dev.rapport.config.Config.Security;
import java.util.Locale;

/** One mail server as found: host, port and how the connection is secured. */
public record Server(String host, int port, Security security) {
  public Server {
    if (host == null || host.isBlank()) throw new IllegalArgumentException("no host");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    host = host.strip().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
  }

  @Override
  public String toString() {
    return host + ":" + port + " (" + security.name().toLowerCase(Locale.ROOT) + ")";
  }
}
