package dev.rapport.daemon;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rapport.store.DataFolder;
import dev.rapport.store.PrivateFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox: an embedded GreenMail on 127.0.0.1 holding the user's mailbox, so that with no
 * account configured nothing leaves the machine. GreenMail keeps mail in memory only; each start
 * begins with empty mailboxes. The mailbox password is kept in {@code sandbox.secret} and the ports
 * in {@code sandbox.server} (while it runs), so that other rapport processes ({@code sync}, {@code
 * sandbox reply}) can find and use it: see {@link #discover}.
 */
public final class SandboxMail implements Component {
  private static final Logger log = LoggerFactory.getLogger(SandboxMail.class);
  public static final int DEFAULT_SMTP_PORT = 3025;
  public static final int DEFAULT_IMAP_PORT = 3143;
  static final String LOOPBACK = "127.0.0.1";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Where the sandbox listens. */
  public record Ports(int smtp, int imap) {
    public Ports {
      for (int p : new int[] {smtp, imap}) {
        if (p < 1 || p > 65535)
          throw new IllegalArgumentException("a port is a number from 1 to 65535, not " + p);
      }
      if (smtp == imap)
        throw new IllegalArgumentException("the sandbox SMTP and IMAP ports must differ");
    }

    public static Ports defaults() {
      return new Ports(DEFAULT_SMTP_PORT, DEFAULT_IMAP_PORT);
    }
  }

  /**
   * How to log in to the user's sandbox mailbox; the password never appears in {@code toString}.
   */
  public record Login(String address, String password) {
    @Override
    public String toString() {
      return "Login[" + address + ", (password hidden)]";
    }
  }

  /**
   * A sandbox another process started: where it listens and how to log in to the user's mailbox.
   */
  public record Running(Ports ports, Login login) {}

  private final Ports ports;
  private final String address;
  private final DataFolder data;
  private GreenMail greenMail;
  private Login login;

  public SandboxMail(Ports ports, String address, DataFolder data) {
    this.ports = ports;
    this.address = address;
    this.data = data;
  }

  /** The sandbox a running daemon announced in this data folder, if any. */
  public static Optional<Running> discover(DataFolder data, String address) {
    Path file = data.sandboxFile();
    if (!Files.exists(file)) return Optional.empty();
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties p = new Properties();
      p.load(reader);
      long pid = Long.parseLong(p.getProperty("pid", "-1").strip());
      if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return Optional.empty();
      Ports ports =
          new Ports(
              Integer.parseInt(p.getProperty("smtp").strip()),
              Integer.parseInt(p.getProperty("imap").strip()));
      return Optional.of(new Running(ports, new Login(address, data.sandboxSecret())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
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
    GreenMail mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(ports.smtp(), LOOPBACK, ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(ports.imap(), LOOPBACK, ServerSetup.PROTOCOL_IMAP)
            });
    try {
      mail.start();
    } catch (RuntimeException e) {
      mail.stop();
      throw new DaemonException(
          "The sandbox mail server could not start on 127.0.0.1 ports "
              + ports.smtp()
              + " and "
              + ports.imap()
              + ": "
              + e.getMessage(),
          e);
    }
    login = new Login(address, data.sandboxSecret());
    mail.setUser(login.address(), login.address(), login.password());
    UserManager users = mail.getUserManager();
    users.setMessageDeliveryHandler((message, to) -> mailboxWithRandomPassword(users, to));
    greenMail = mail;
    announce();
    log.info(
        "sandbox mail on 127.0.0.1: SMTP {}, IMAP {}, mailbox {}",
        ports.smtp(),
        ports.imap(),
        address);
  }

  @Override
  public void stop() {
    try {
      Files.deleteIfExists(data.sandboxFile());
    } catch (IOException e) {
      log.debug("could not remove {}: {}", data.sandboxFile(), e.getMessage());
    }
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

  /**
   * Mail to an address without a mailbox (a contact's) makes one, as GreenMail does; but with a
   * random password rather than GreenMail's default (the address itself, logged as it is made), so
   * nobody can read what the user sent a contact by guessing it. Nothing in rapport logs in to a
   * contact's mailbox: sandbox replies are built from the database and delivered over SMTP.
   */
  private static GreenMailUser mailboxWithRandomPassword(UserManager users, MailAddress to)
      throws UserException {
    synchronized (users) {
      GreenMailUser user = users.getUserByEmail(to.getEmail());
      if (user != null) return user;
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      return users.createUser(to.getEmail(), to.getEmail(), HexFormat.of().formatHex(bytes));
    }
  }

  private void announce() {
    String text =
        "# written by the rapport daemon while its sandbox runs\nsmtp="
            + ports.smtp()
            + "\nimap="
            + ports.imap()
            + "\npid="
            + ProcessHandle.current().pid()
            + "\n";
    try {
      PrivateFiles.write(data.sandboxFile(), text);
    } catch (IOException e) {
      throw new DaemonException("Cannot write " + data.sandboxFile() + ": " + e.getMessage(), e);
    }
  }

  private static void requireFree(int port, String protocol) {
    try {
      new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK)).close();
    } catch (IOException e) {
      throw new DaemonException(
          "Port "
              + port
              + " on 127.0.0.1 is already in use, so the sandbox "
              + protocol
              + " server cannot start; stop the program using it or choose another port with --sandbox-"
              + protocol.toLowerCase(java.util.Locale.ROOT)
              + "-port.",
          e);
    }
  }
}
