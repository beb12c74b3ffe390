package dev.rapport.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback between the watcher and the mail server that can go silent without
 * closing anything — a half-open connection, as after a NAT timeout or a cable pulled — or cut
 * every connection at once. Connections opened after a freeze work normally.
 */
final class FreezableProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int target;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private volatile String awaitedCommand;
  private volatile Runnable beforeCommand;

  private static final class Link {
    final Socket client;
    final Socket upstream;
    volatile boolean frozen;

    Link(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }
  }

  FreezableProxy(int targetPort) throws IOException {
    this.target = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Every open connection stops carrying bytes in both directions, and stays open. */
  void freeze() {
    for (Link l : links) l.frozen = true;
  }

  /**
   * Runs {@code action} once, just before the first client bytes holding {@code command} (an IMAP
   * command name, such as IDLE) reach the server: what the action does happens between the client's
   * previous command and that one.
   */
  void onceBefore(String command, Runnable action) {
    beforeCommand = action;
    awaitedCommand = " " + command + "\r\n";
  }

  /** Closes every open connection, as a server restart does. */
  void cut() {
    for (Link l : links) {
      closeQuietly(l.client);
      closeQuietly(l.upstream);
    }
    links.clear();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream;
        try {
          upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        } catch (IOException e) {
          client.close();
          continue;
        }
        Link link = new Link(client, upstream);
        links.add(link);
        pump(link, client.getInputStream(), upstream.getOutputStream(), true);
        pump(link, upstream.getInputStream(), client.getOutputStream(), false);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Link link, InputStream in, OutputStream out, boolean fromClient) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  if (link.frozen) continue; // swallowed: nothing arrives, nothing closes
                  if (fromClient) runIfAwaited(new String(buffer, 0, n, StandardCharsets.US_ASCII));
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // closed
              } finally {
                if (!link.frozen) {
                  closeQuietly(link.client);
                  closeQuietly(link.upstream);
                }
              }
            },
            "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private synchronized void runIfAwaited(String sent) {
    Runnable action = beforeCommand;
    String command = awaitedCommand;
    if (action == null || !sent.toUpperCase(Locale.ROOT).endsWith(command)) return;
    beforeCommand = null;
    action.run();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    cut();
  }
}
