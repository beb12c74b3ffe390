package dev.rapport.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts later, in another object or process. A port the kernel hands out
 * for {@code new ServerSocket(0)} lies in the ephemeral range, where any outgoing connection on the
 * machine may take it before the server binds it; these come from below that range (Linux starts it
 * at 32768), are free when chosen, and are never handed out twice in one JVM.
 */
public final class FreePorts {
  private static final int LOW = 20_000;
  private static final int HIGH = 32_000;
  private static final Set<Integer> given = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  public static int next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = random.nextInt(LOW, HIGH);
      if (!given.add(port)) continue;
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      } catch (IOException inUse) {
        // taken by something else: try another
      }
    }
    throw new IllegalStateException("no free port between " + LOW + " and " + HIGH);
  }
}
