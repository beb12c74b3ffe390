package dev.rapport.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailProxy;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rapport.store.DataFolder;
import dev.rapport.store.Database;
import dev.rapport.store.DatabaseOpener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For each test, a GreenMail server with SMTP and IMAP on free 127.0.0.1 ports holding the user's
 * mailbox, and a fresh folder for a rapport data folder (an H2 file), as GreenMail's own {@code
 * GreenMailExtension} gives a server:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final RapportMail mail = RapportMail.account("sam@example.org", "pw");
 * </pre>
 *
 * <p>Everything GreenMail offers ({@code getUserManager()}, {@code getReceivedMessages()}, ...) is
 * there for the current test. Both stop after it, the database closed and the folder deleted. For
 * {@code *IT} classes only: a {@code *Test} starts no server ({@link NoServerInUnitTests}).
 */
public final class RapportMail extends GreenMailProxy
    implements BeforeEachCallback, AfterEachCallback {
  private static final String LOOPBACK = "127.0.0.1";

  private final GreenMailConfiguration users = GreenMailConfiguration.aConfig();
  private GreenMail greenMail;
  private Path dir;
  private Database database;

  private RapportMail() {
    withConfiguration(users);
  }

  /** A server holding the mailbox of {@code email}, who logs in with that address. */
  public static RapportMail account(String email, String password) {
    return new RapportMail().withUser(email, password);
  }

  /** Another mailbox on the same server, logging in with its address. */
  public RapportMail withUser(String email, String password) {
    users.withUser(email, email, password);
    return this;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("rapport-mail-");
    greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_IMAP)
            });
    start(); // starts the servers, then creates the users
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      stop();
      if (database != null) database.close();
    } finally {
      database = null;
      greenMail = null;
      deleteTree(dir);
      dir = null;
    }
  }

  @Override
  protected GreenMail getGreenMail() {
    if (greenMail == null)
      throw new IllegalStateException(
          "RapportMail runs during a test: register it with @RegisterExtension");
    return greenMail;
  }

  @Override
  public boolean isRunning() {
    return greenMail != null && greenMail.isRunning();
  }

  public int smtpPort() {
    return getSmtp().getPort();
  }

  public int imapPort() {
    return getImap().getPort();
  }

  /** A folder of this test's own, deleted after it. */
  public Path dir() {
    getGreenMail();
    return dir;
  }

  /** The data folder {@code dir()/data}, as a CLI runner or fixture given {@code dir()} uses it. */
  public DataFolder dataFolder() {
    return new DataFolder(dir().resolve("data"));
  }

  /** The data folder's database, migrated, opened on first use and closed after the test. */
  public Database database() {
    if (database == null) database = DatabaseOpener.open(dataFolder());
    return database;
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) return;
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
