package dev.rapport.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.rapport.config.Config.Security;
import dev.rapport.logging.LogConfigurator;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailSessions;
import dev.rapport.store.DataFolder;
import dev.rapport.testing.FreePorts;
import jakarta.mail.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With {@code -v} (everything at DEBUG) the sandbox's log must not show its password: not in clear
 * (IMAP LOGIN), not in base64 (AUTH PLAIN's "\0user\0password", AUTH LOGIN's password alone).
 */
class SandboxPasswordLogIT {
  static final String ME = "me@rapport.test";

  @TempDir Path dir;
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  Level rootLevel;
  SandboxMail sandbox;

  @BeforeEach
  void verboseAndCaptured() {
    rootLevel = root.getLevel();
    LogConfigurator.verbose(); // what -v does
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void restore() {
    if (sandbox != null) sandbox.stop();
    root.detachAppender(captured);
    root.setLevel(rootLevel);
  }

  String log() {
    return captured.list.stream()
        .map(e -> e.getLoggerName() + " " + e.getFormattedMessage())
        .collect(Collectors.joining("\n"));
  }

  static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void noLoginOfAnyKindPutsTheSandboxPasswordInTheLog() throws Exception {
    sandbox =
        new SandboxMail(
            new SandboxMail.Ports(FreePorts.next(), FreePorts.next()), ME, dataFolder());
    sandbox.start();
    String password = sandbox.login().password();
    assertThat(root.isDebugEnabled()).isTrue();

    try (Session imap = new Session(sandbox.ports().imap())) {
      imap.expect("* OK");
      imap.send("a1 LOGIN " + ME + " " + password);
      imap.expect("a1 OK");
      imap.send("a2 LOGOUT");
    }
    // (GreenMail offers IMAP AUTHENTICATE for XOAUTH2 only.)
    try (Session smtp = new Session(sandbox.ports().smtp())) {
      smtp.expect("220");
      smtp.send("EHLO client.test");
      smtp.expect("250 ");
      smtp.send("AUTH PLAIN " + base64("\0" + ME + "\0" + password));
      smtp.expect("235");
      smtp.send("QUIT");
    }
    try (Session smtp = new Session(sandbox.ports().smtp())) {
      smtp.expect("220");
      smtp.send("EHLO client.test");
      smtp.expect("250 ");
      smtp.send("AUTH LOGIN");
      smtp.expect("334");
      smtp.send(base64(ME));
      smtp.expect("334");
      smtp.send(base64(password));
      smtp.expect("235");
      smtp.send("QUIT");
    }
    // And rapport's own IMAP client, as the inbox watcher logs in.
    Endpoint endpoint =
        new Endpoint("127.0.0.1", sandbox.ports().imap(), Security.NONE, ME, () -> password);
    try (Store store = MailSessions.imap(endpoint).getStore("imap")) {
      store.connect(endpoint.host(), endpoint.port(), ME, password);
    }

    String log = log();
    assertThat(log).as("the capture works").contains("sandbox mail on 127.0.0.1");
    assertThat(log)
        .doesNotContain(password)
        .doesNotContain(base64("\0" + ME + "\0" + password))
        .doesNotContain(base64(password));
  }

  private DataFolder dataFolder() {
    return new DataFolder(dir.resolve("data"));
  }

  /** A line-by-line client, as a mail program speaks to the server. */
  static final class Session implements AutoCloseable {
    final Socket socket;
    final BufferedReader in;
    final PrintWriter out;

    Session(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(10_000);
      in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    void send(String line) {
      out.print(line + "\r\n");
      out.flush();
    }

    /**
     * Reads lines until one starts with {@code prefix}; fails on a line saying NO or BAD, or 5xx.
     */
    void expect(String prefix) throws IOException {
      while (true) {
        String line = in.readLine();
        assertThat(line).as("the server's answer before " + prefix).isNotNull();
        if (line.startsWith(prefix)) return;
        assertThat(line).doesNotContainPattern("^(\\S+ (NO|BAD)|5\\d\\d)");
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
