package dev.rapport.daemon;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox: an embedded GreenMail on 127.0.0.1 holding the user's mailbox, so that with no
 * account configured nothing leaves the machine. GreenMail keeps mail in memory only; each
 * start begins with empty mailboxes. The mailbox password is made afresh at each start and
 * kept in memory.
 */
public final class SandboxMail implements Component {
  private static final Logger log = LoggerFactory.getLogger(SandboxMail.class);
  public static final int DEFAULT_SMTP_PORT = 3025;
  public static final int DEFAULT_IMAP_PORT = 3143;
  static final String LOOPBACK = "127.0.0.1";

  /** Where the sandbox listens. */
  public record Ports(int smtp, int imap) {
    public Ports {
      for (int p : new int[] {smtp, imap}) {
        if (p < 1 || p > 65535) throw new IllegalArgumentException("a port is a number from 1 to 65535, not " + p);
      }
      if (smtp == imap) throw new IllegalArgumentException("the sandbox SMTP and IMAP ports must differ");
    }

    public static Ports defaults() {
      return new Ports(DEFAULT_SMTP_PORT, DEFAULT_IMAP_PORT);
    }
  }

  /** How to log in to the user's sandbox mailbox; the password never appears in {@code toString}. */
  public record Login(String address, String password) {
    @Override
    public String toString() {
      return "Login[" + address + ", (password hidden)]";
    }
  }

  private final Ports ports;
  private final String address;
  private GreenMail greenMail;
  private Login login;

  public SandboxMail(Ports ports, String address) {
    this.ports = ports;
    this.address = address;
  }

  @Override
  public String name() {
    return "sandbox mail server";
  }

  @Override
  public void start() {
    // GreenMail reports a busy port only as "could not start ... try a longer timeout", after
    // logging a stack trace: look first, to say it in one sentence.
    requireFree(ports.smtp(), "SMTP");
    requireFree(ports.imap(), "IMAP");
    GreenMail mail = new GreenMail(new ServerSetup[] {
      new ServerSetup(ports.smtp(), LOOPBACK, ServerSetup.PROTOCOL_SMTP),
      new ServerSetup(ports.imap(), LOOPBACK, ServerSetup.PROTOCOL_IMAP)
    });
    try {
      mail.start();
    } catch (RuntimeException e) {
      mail.stop();
      throw new DaemonException("The sandbox mail server could not start on 127.0.0.1 ports " + ports.smtp()
          + " and " + ports.imap() + ": " + e.getMessage(), e);
    }
    byte[] secret = new byte[18];
    new SecureRandom().nextBytes(secret);
    login = new Login(address, HexFormat.of().formatHex(secret));
    mail.setUser(login.address(), login.address(), login.password());
    greenMail = mail;
    log.info("sandbox mail on 127.0.0.1: SMTP {}, IMAP {}, mailbox {}", ports.smtp(), ports.imap(), address);
  }

  @Override
  public void stop() {
    greenMail.stop();
    greenMail = null;
  }

  public Ports ports() {
    return ports;
  }

  /** The user's mailbox; valid while running. */
  public Login login() {
    return login;
  }

  private static void requireFree(int port, String protocol) {
    try {
      new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK)).close();
    } catch (IOException e) {
      throw new DaemonException("Port " + port + " on 127.0.0.1 is already in use, so the sandbox " + protocol
          + " server cannot start; stop the program using it or choose another port with --sandbox-"
          + protocol.toLowerCase(java.util.Locale.ROOT) + "-port.", e);
    }
  }
}
