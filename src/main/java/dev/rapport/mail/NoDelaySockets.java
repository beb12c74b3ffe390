package dev.rapport.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets with Nagle's algorithm off (TCP_NODELAY), for Angus Mail's {@code
 * mail.<protocol>.socketFactory}: Angus never sets the option itself. SMTP and IMAP are
 * request/answer protocols whose client often writes a command in two pieces (a message's last
 * bytes, then the final "."; an APPEND's literal, then its CRLF): with Nagle on, the second piece
 * waits for the server's ACK of the first, which the server delays (about 40 ms on Linux) because
 * it has nothing to say yet. Measured in docs/BENCH.md: the Sent copies took ~50 ms each.
 *
 * <p>For implicit TLS without a pinned certificate Angus layers its TLS socket over the one made
 * here, as it does over a plain socket by default; STARTTLS upgrades it in place.
 */
public final class NoDelaySockets extends SocketFactory {
  public static final NoDelaySockets INSTANCE = new NoDelaySockets();

  private NoDelaySockets() {}

  private static Socket noDelay(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    return s;
  }

  /** The one Angus calls: unconnected, so that it can connect with its own timeout. */
  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new Socket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort)
      throws IOException {
    return noDelay(new Socket(host, port, local, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
      throws IOException {
    return noDelay(new Socket(host, port, local, localPort));
  }
}
