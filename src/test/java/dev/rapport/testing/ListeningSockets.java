package dev.rapport.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The TCP sockets this JVM listens on, read from Linux's /proc: the process's socket inodes (its
 * file descriptors) matched against the kernel's table of listening sockets. Empty where /proc is
 * missing, so the guard built on it stays silent rather than wrong there.
 */
public final class ListeningSockets {
  private static final Path FDS = Path.of("/proc/self/fd");
  private static final List<Path> TABLES =
      List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  public static boolean supported() {
    return Files.isDirectory(FDS) && Files.isReadable(TABLES.get(0));
  }

  /**
   * Each listening socket of this process: its inode to its local address, e.g. "127.0.0.1:3025".
   */
  public static Map<Long, String> ofThisProcess() {
    Map<Long, String> listening = new TreeMap<>();
    if (!supported()) return listening;
    Set<Long> mine = socketInodes();
    if (mine.isEmpty()) return listening; // the usual case: no socket at all, no table to read
    for (Path table : TABLES) {
      List<String> lines;
      try {
        lines = Files.readAllLines(table);
      } catch (IOException e) {
        continue; // no IPv6 table on this machine
      }
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10 || !f[3].equals(LISTEN)) continue;
        long inode = Long.parseLong(f[9]);
        if (mine.contains(inode)) listening.put(inode, address(f[1]));
      }
    }
    return listening;
  }

  private static Set<Long> socketInodes() {
    Set<Long> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(FDS)) {
      for (Path fd : fds) {
        String target;
        try {
          target = Files.readSymbolicLink(fd).toString();
        } catch (IOException closedMeanwhile) {
          continue;
        }
        if (target.startsWith("socket:["))
          inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
      }
    } catch (IOException e) {
      // /proc unreadable: report nothing
    }
    return inodes;
  }

  /**
   * "0100007F:0BD1" to "127.0.0.1:3025": the kernel prints the address as 32-bit words in host
   * (little-endian) order, four of them for IPv6.
   */
  static String address(String hex) {
    String[] parts = hex.split(":");
    byte[] ip = new byte[parts[0].length() / 2];
    for (int word = 0; word < ip.length / 4; word++)
      for (int b = 0; b < 4; b++) {
        int at = word * 8 + (3 - b) * 2;
        ip[word * 4 + b] = (byte) Integer.parseInt(parts[0].substring(at, at + 2), 16);
      }
    String host;
    try {
      host = InetAddress.getByAddress(ip).getHostAddress();
    } catch (UnknownHostException e) {
      host = parts[0];
    }
    if (host.contains(":")) host = "[" + host + "]";
    return host + ":" + Integer.parseInt(parts[1], 16);
  }
}
