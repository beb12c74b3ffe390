package dev.rapport.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.rapport.daemon.Processes.Run;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing listens beyond 127.0.0.1": the running daemon's ports, tried from this machine's other
 * addresses.
 */
class LoopbackOnlyIT {
  @TempDir Path dir;

  @Test
  void theDaemonsDatabaseAndSandboxPortsAreReachableOnLoopbackOnly() throws Exception {
    Path data = dir.resolve("data");
    int smtp = Processes.freePort();
    int imap = Processes.freePort();
    Run daemon =
        Processes.rapport(
            data,
            dir.resolve("logs"),
            "run",
            "--sandbox-smtp-port",
            String.valueOf(smtp),
            "--sandbox-imap-port",
            String.valueOf(imap));
    try {
      Processes.awaitUp(daemon, data);
      int database = Integer.parseInt(Processes.announcement(data).getProperty("port"));
      List<Integer> ports = List.of(database, smtp, imap);

      for (int port : ports) {
        try (Socket s = connect(InetAddress.getByName("127.0.0.1"), port)) {
          assertThat(s.isConnected()).isTrue();
        }
      }

      List<InetAddress> others = nonLoopbackAddresses();
      assumeFalse(
          others.isEmpty(),
          "This machine has no address besides loopback, so exposure beyond 127.0.0.1 cannot be tried here.");
      for (InetAddress address : others) {
        for (int port : ports) {
          assertThatThrownBy(() -> connect(address, port).close())
              .as("port %d on %s", port, address)
              .isInstanceOf(ConnectException.class);
        }
      }
    } finally {
      daemon.process().destroy();
      daemon.exitCode(Processes.COMMAND);
    }
  }

  private static Socket connect(InetAddress address, int port) throws IOException {
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(address, port), 2000);
      return s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
    List<InetAddress> out = new ArrayList<>();
    for (NetworkInterface nif : NetworkInterface.networkInterfaces().toList()) {
      if (!nif.isUp() || nif.isLoopback()) continue;
      for (InetAddress a : nif.inetAddresses().toList()) {
        if (a.isLoopbackAddress() || a.isMulticastAddress()) continue;
        if (a instanceof Inet6Address v6 && v6.isLinkLocalAddress() && v6.getScopeId() == 0)
          continue;
        out.add(a);
      }
    }
    return out;
  }
}
