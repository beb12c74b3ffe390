package dev.rapport.outbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny SMTP server on 127.0.0.1 for what GreenMail cannot do: answer 4xx or 5xx, or go silent at
 * a chosen step. The script sees each command line (and "." for the end of the message data) and
 * returns the reply, {@code null} for the usual one, or {@link #STALL} to never answer. Every
 * message whose final "." arrived is kept, answered or not.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
  public static final String STALL = "<stall>";

  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Function<String, String> script = line -> null;
  public final AtomicInteger connections = new AtomicInteger();
  public final List<String> messages = new CopyOnWriteArrayList<>();
  public final List<String> commands = new CopyOnWriteArrayList<>();

  public ScriptedSmtpServer() throws IOException {
    this(0);
  }

  public ScriptedSmtpServer(int port) throws IOException {
    server = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
    acceptor = new Thread(this::accept, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public ScriptedSmtpServer script(Function<String, String> s) {
    script = s;
    return this;
  }

  /** Waits up to {@code timeout} until {@code n} messages have been received in full. */
  public boolean awaitMessages(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (messages.size() < n) {
      if (System.nanoTime() > deadline) return false;
      if (closed.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)) return messages.size() >= n;
    }
    return true;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        sockets.add(s);
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(s), "scripted-smtp-session");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = s.getOutputStream()) {
      if (!reply(out, "220 scripted ESMTP")) return;
      String line;
      while ((line = in.readLine()) != null) {
        commands.add(line);
        String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
        String usual =
            switch (verb) {
              case "EHLO" -> "250-scripted\r\n250-8BITMIME\r\n250 SIZE 10000000";
              case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> "250 OK";
              case "DATA" -> "354 go ahead";
              case "QUIT" -> "221 bye";
              default -> "502 not implemented";
            };
        String r = script.apply(line);
        String answer = r == null ? usual : r;
        if (!reply(out, answer)) return;
        if (verb.equals("QUIT")) return;
        if (verb.equals("DATA") && answer.startsWith("354")) {
          List<String> data = new ArrayList<>();
          String d;
          while ((d = in.readLine()) != null && !d.equals(".")) data.add(d);
          if (d == null) return;
          messages.add(String.join("\r\n", data));
          String end = script.apply(".");
          if (!reply(out, end == null ? "250 2.0.0 queued as " + messages.size() : end)) return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, or the server closed
    }
  }

  private boolean reply(OutputStream out, String text) throws IOException, InterruptedException {
    if (STALL.equals(text)) {
      closed.await();
      return false;
    }
    out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return true;
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    server.close();
    for (Socket s : sockets) s.close();
  }
}
