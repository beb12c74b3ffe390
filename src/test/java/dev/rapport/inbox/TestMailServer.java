package dev.rapport.inbox;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rapport.config.Config.Security;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailSessions;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A GreenMail with SMTP and IMAP on loopback ports that stay the same across restarts, holding the
 * user's mailbox.
 */
final class TestMailServer implements AutoCloseable {
  static final String ME = "ada@example.org";
  static final String PASSWORD = "secret-pw";

  final int smtpPort;
  final int imapPort;
  private GreenMail greenMail;
  private GreenMailUser user;
  private final Session session = Session.getInstance(new Properties());

  TestMailServer() {
    smtpPort = freePort();
    imapPort = freePort();
    start();
  }

  void start() {
    greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
    greenMail.start();
    user = greenMail.setUser(ME, ME, PASSWORD);
  }

  void stop() {
    greenMail.stop();
  }

  Endpoint endpoint() {
    return new Endpoint("127.0.0.1", imapPort, Security.NONE, ME, () -> PASSWORD);
  }

  /** Delivers raw RFC 5322 text into the user's INBOX. */
  void deliver(String raw) {
    deliver(raw.getBytes(StandardCharsets.UTF_8));
  }

  void deliver(byte[] raw) {
    try {
      user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Appends a message with the given internal (received) date, over IMAP as any client would. */
  void append(String raw, Date received) throws Exception {
    try (Store store = MailSessions.imap(endpoint()).getStore("imap")) {
      store.connect("127.0.0.1", imapPort, ME, PASSWORD);
      Folder inbox = store.getFolder("INBOX");
      MimeMessage m =
          new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public Date getReceivedDate() {
              return received;
            }
          };
      inbox.appendMessages(new Message[] {m});
    }
  }

  /** Every message's flags by UID, read without touching them (EXAMINE and FETCH FLAGS). */
  Map<Long, Flags> flags() throws Exception {
    Map<Long, Flags> all = new TreeMap<>();
    try (Store store = MailSessions.imap(endpoint()).getStore("imap")) {
      store.connect("127.0.0.1", imapPort, ME, PASSWORD);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      for (Message m : inbox.getMessages())
        all.put(((UIDFolder) inbox).getUID(m), new Flags(m.getFlags()));
      inbox.close(false);
    }
    return all;
  }

  int messageCount() {
    return greenMail.getReceivedMessages().length;
  }

  com.icegreen.greenmail.user.GreenMailUser greenMailUser() {
    return user;
  }

  GreenMail greenMail() {
    return greenMail;
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  static int freePort() {
    return dev.rapport.testing.FreePorts.next();
  }
}
