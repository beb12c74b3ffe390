package dev.rapport.setup;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;

/**
 * A DNS server on 127.0.0.1 for tests, answering from a table with dnsjava's message classes: the
 * names it knows get their records, every other name NXDOMAIN. Counts the questions it was asked.
 */
final class StandInDns implements AutoCloseable {
  private final DatagramSocket socket;
  private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
  final List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;

  StandInDns() throws SocketException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(this::serve, "stand-in-dns");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  void srv(String name, int port, String target) throws IOException {
    Name n = Name.fromString(name + ".");
    records
        .computeIfAbsent(name + ".", k -> new ArrayList<>())
        .add(new SRVRecord(n, DClass.IN, 300, 0, 1, port, Name.fromString(target + ".")));
  }

  void mx(String domain, int preference, String host) throws IOException {
    Name n = Name.fromString(domain + ".");
    records
        .computeIfAbsent(domain + ".", k -> new ArrayList<>())
        .add(new MXRecord(n, DClass.IN, 300, preference, Name.fromString(host + ".")));
  }

  private void serve() {
    byte[] buf = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
        Record question = q.getQuestion();
        String name = question.getName().toString();
        asked.add(name);
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.RA);
        r.addRecord(question, Section.QUESTION);
        List<Record> known = records.getOrDefault(name, List.of());
        List<Record> matching =
            known.stream().filter(x -> x.getType() == question.getType()).toList();
        if (known.isEmpty()) r.getHeader().setRcode(Rcode.NXDOMAIN);
        for (Record x : matching) r.addRecord(x, Section.ANSWER);
        byte[] wire = r.toWire();
        socket.send(new DatagramPacket(wire, wire.length, p.getSocketAddress()));
      } catch (IOException e) {
        if (socket.isClosed()) return;
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
