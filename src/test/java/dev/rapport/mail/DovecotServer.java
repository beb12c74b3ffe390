package dev.rapport.mail;

import dev.rapport.config.Config.Security;
import dev.rapport.testing.Await;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Dovecot (Debian's {@code dovecot-imapd}) run as a child process for interop tests: its
 * own configuration, base_dir, state and maildirs in a temporary folder, IMAP (STARTTLS) and IMAPS
 * on free loopback ports, one user from a passwd-file, a self-signed certificate made with {@code
 * openssl} for 127.0.0.1 and localhost, and a {@code Sent} folder marked {@code \Sent}. The
 * system's own Dovecot, if any, is neither used nor disturbed.
 */
public final class DovecotServer implements AutoCloseable {
  public static final String USER = "ada@example.org";
  public static final String PASSWORD = "dovecot-secret-pw";

  private static final AtomicLong SEQUENCE = new AtomicLong();

  public final int imapPort;
  public final int imapsPort;
  private final Path dir;
  private final Path maildir;
  private final Process process;
  private final SSLSocketFactory trust;
  private final UserPrincipal mailUser;
  private final GroupPrincipal mailGroup;
  private final java.net.URI introspection;

  /** Skips the calling test, saying why, when Dovecot or openssl is not installed. */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(
        binary().isPresent(),
        "Dovecot is not installed (apt-get install dovecot-imapd): Dovecot interop tests skipped");
    Assumptions.assumeTrue(
        onPath("openssl").isPresent(), "openssl is not installed: Dovecot interop tests skipped");
  }

  public static Optional<Path> binary() {
    Path sbin = Path.of("/usr/sbin/dovecot");
    return Files.isExecutable(sbin) ? Optional.of(sbin) : onPath("dovecot");
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin";
    return Stream.of(path.split(":"))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  public DovecotServer() throws Exception {
    this(null);
  }

  /**
   * With {@code introspection}, Dovecot also accepts OAuth2 access tokens (XOAUTH2 and
   * OAUTHBEARER), asking that RFC 7662 endpoint whether each is active and for whom.
   */
  public DovecotServer(java.net.URI introspection) throws Exception {
    this.introspection = introspection;
    dir = Files.createTempDirectory("rapport-dovecot");
    // Dovecot's auth and mail processes run as other users: they must reach into the folder.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    boolean root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    String me = System.getProperty("user.name");
    UserPrincipalLookupService names = dir.getFileSystem().getUserPrincipalLookupService();
    // Dovecot never gives mail access to root: as root the mail belongs to nobody.
    String user = root ? "nobody" : me;
    String group = root ? "nogroup" : groupOf(dir);
    mailUser = names.lookupPrincipalByName(user);
    mailGroup = names.lookupPrincipalByGroupName(group);
    for (String d : List.of("run", "state", "mail")) Files.createDirectories(dir.resolve(d));
    maildir = dir.resolve("mail").resolve(USER);
    for (String d : List.of("cur", "new", "tmp")) Files.createDirectories(maildir.resolve(d));
    own(dir.resolve("mail"));
    try (Stream<Path> all = Files.walk(maildir)) {
      for (Path p : all.toList()) own(p);
    }
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        dir.resolve("key.pem").toString(),
        "-out",
        dir.resolve("cert.pem").toString(),
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost");
    trust = trusting(dir.resolve("cert.pem"));
    Files.writeString(dir.resolve("passwd"), USER + ":{PLAIN}" + PASSWORD + "::::::\n");
    Files.setPosixFilePermissions(
        dir.resolve("passwd"), PosixFilePermissions.fromString("rw-r--r--"));
    imapPort = freePort();
    imapsPort = freePort();
    Files.writeString(dir.resolve("dovecot.conf"), config(root, me, user, group));
    process =
        new ProcessBuilder(
                binary().orElseThrow().toString(),
                "-F",
                "-c",
                dir.resolve("dovecot.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .start();
    try {
      Await.until(
          Duration.ofSeconds(20),
          "Dovecot listening on 127.0.0.1:" + imapsPort,
          () -> {
            if (!process.isAlive()) throw new IllegalStateException("Dovecot stopped: " + log());
            return listening(imapPort) && listening(imapsPort);
          });
    } catch (RuntimeException | AssertionError e) {
      close();
      throw e;
    }
  }

  private String config(boolean root, String me, String user, String group) {
    StringBuilder c = new StringBuilder();
    c.append("base_dir = ").append(dir.resolve("run")).append('\n');
    c.append("state_dir = ").append(dir.resolve("state")).append('\n');
    c.append("log_path = ").append(dir.resolve("dovecot.log")).append('\n');
    c.append("protocols = imap\n");
    c.append("listen = 127.0.0.1\n");
    c.append("ssl = required\n");
    c.append("ssl_cert = <").append(dir.resolve("cert.pem")).append('\n');
    c.append("ssl_key = <").append(dir.resolve("key.pem")).append('\n');
    c.append("auth_mechanisms = plain login")
        .append(introspection == null ? "" : " xoauth2 oauthbearer")
        .append('\n');
    if (introspection != null) {
      Path oauth = dir.resolve("oauth2.conf.ext");
      try {
        Files.writeString(
            oauth,
            "introspection_mode = post\n"
                + "introspection_url = "
                + introspection
                + "\n"
                + "username_attribute = username\n"
                + "active_attribute = active\n"
                + "active_value = true\n");
        Files.setPosixFilePermissions(oauth, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      c.append("passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = ")
          .append(oauth)
          .append("\n}\n");
    }
    if (!root) {
      c.append("default_internal_user = ").append(me).append('\n');
      c.append("default_login_user = ").append(me).append('\n');
    }
    c.append("first_valid_uid = 0\nfirst_valid_gid = 0\n");
    c.append("mail_uid = ").append(user).append('\n');
    c.append("mail_gid = ").append(group).append('\n');
    c.append("mail_location = maildir:").append(dir.resolve("mail")).append("/%u\n");
    c.append(
        """
        passdb {
          driver = passwd-file
          args = scheme=PLAIN username_format=%u PASSWD
        }
        userdb {
          driver = static
          args = home=HOME/%u
        }
        namespace inbox {
          inbox = yes
          mailbox Sent {
            special_use = \\Sent
            auto = subscribe
          }
        }
        service imap-login {
          inet_listener imap {
            port = IMAP
          }
          inet_listener imaps {
            port = IMAPS
            ssl = yes
          }
        }
        """
            .replace("PASSWD", dir.resolve("passwd").toString())
            .replace("HOME", dir.resolve("mail").toString())
            .replace("IMAPS", String.valueOf(imapsPort))
            .replace("IMAP", String.valueOf(imapPort)));
    return c.toString();
  }

  /** The user's account over implicit TLS, trusting this server's certificate. */
  public Endpoint endpoint() {
    return endpoint(Security.TLS);
  }

  /** The user's account with the given security (TLS on the IMAPS port, else STARTTLS). */
  public Endpoint endpoint(Security security) {
    int port = security == Security.TLS ? imapsPort : imapPort;
    return new Endpoint("127.0.0.1", port, security, USER, () -> PASSWORD, trust);
  }

  /** A socket factory trusting this server's self-signed certificate and nothing else. */
  public SSLSocketFactory trust() {
    return trust;
  }

  /**
   * Writes a message straight into the INBOX maildir ({@code tmp/} then renamed into {@code new/},
   * as a delivery agent does), received at the given time (the file's modification time is its
   * internal date).
   */
  public void deliver(byte[] raw, Instant received) {
    try {
      String name =
          received.getEpochSecond()
              + ".M"
              + SEQUENCE.incrementAndGet()
              + "P"
              + ProcessHandle.current().pid()
              + ".rapport";
      Path tmp = maildir.resolve("tmp").resolve(name);
      Files.write(tmp, raw);
      Files.setLastModifiedTime(tmp, FileTime.from(received));
      own(tmp);
      Files.move(tmp, maildir.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void deliver(String raw) {
    deliver(raw.getBytes(StandardCharsets.UTF_8), Instant.now());
  }

  /** Appends a message to a folder over IMAP, as another mail client would. */
  public void append(String folder, String raw) throws Exception {
    try (Store store = connect()) {
      Folder f = store.getFolder(folder);
      f.appendMessages(
          new Message[] {
            new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)))
          });
    }
  }

  /** Every message's flags by UID, read without touching them (EXAMINE and FETCH FLAGS). */
  public Map<Long, Flags> flags(String folder) throws Exception {
    Map<Long, Flags> all = new TreeMap<>();
    try (Store store = connect()) {
      Folder f = store.getFolder(folder);
      f.open(Folder.READ_ONLY);
      for (Message m : f.getMessages()) all.put(((UIDFolder) f).getUID(m), new Flags(m.getFlags()));
      f.close(false);
    }
    return all;
  }

  /** The raw text of every message in a folder, in UID order, read with PEEK. */
  public List<String> messages(String folder) throws Exception {
    try (Store store = connect()) {
      Folder f = store.getFolder(folder);
      f.open(Folder.READ_ONLY);
      List<String> out = new java.util.ArrayList<>();
      for (Message m : f.getMessages()) {
        var bytes = new java.io.ByteArrayOutputStream();
        m.writeTo(bytes);
        out.add(bytes.toString(StandardCharsets.UTF_8));
      }
      f.close(false);
      return out;
    }
  }

  public Store connect() throws Exception {
    Endpoint e = endpoint();
    Store store = MailSessions.imap(e).getStore(MailSessions.imapProtocol(e));
    store.connect(e.host(), e.port(), e.username(), PASSWORD);
    return store;
  }

  /** Dovecot's log so far, for failure messages. */
  public String log() {
    try {
      Path log = dir.resolve("dovecot.log");
      Path out = dir.resolve("stdout.log");
      return (Files.exists(out) ? Files.readString(out) : "")
          + (Files.exists(log) ? Files.readString(log) : "");
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy(); // SIGTERM: the master stops its children
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder; nothing depends on its removal
    }
  }

  private void own(Path p) throws IOException {
    PosixFileAttributeView v = Files.getFileAttributeView(p, PosixFileAttributeView.class);
    v.setOwner(mailUser);
    v.setGroup(mailGroup);
  }

  private static String groupOf(Path p) throws IOException {
    return Files.getFileAttributeView(p, PosixFileAttributeView.class)
        .readAttributes()
        .group()
        .getName();
  }

  private static SSLSocketFactory trusting(Path pem) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      ks.setCertificateEntry(
          "dovecot", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx.getSocketFactory();
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    return dev.rapport.testing.FreePorts.next();
  }
}
