package dev.rapport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.Sql;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RapportMailIT {
  static final String ME = "sam@example.org";
  static final String PASSWORD = "pw-of-sam";

  @RegisterExtension
  static final RapportMail mail =
      RapportMail.account(ME, PASSWORD).withUser("ada@example.net", "pw-of-ada");

  @Test
  void smtpAndImapListenOnLoopbackOnlyAndTheUsersLogIn() throws Exception {
    for (int port : new int[] {mail.smtpPort(), mail.imapPort()})
      assertThat(ListeningSockets.ofThisProcess().values())
          .filteredOn(address -> address.endsWith(":" + port))
          .containsExactly("127.0.0.1:" + port);
    Session session = Session.getInstance(new Properties());
    MimeMessage m = new MimeMessage(session);
    m.setFrom("ada@example.net");
    m.setRecipients(Message.RecipientType.TO, ME);
    m.setSubject("Coffee?");
    m.setText("Happy to talk.");
    try (Transport t = session.getTransport("smtp")) {
      t.connect("127.0.0.1", mail.smtpPort(), null, null);
      t.sendMessage(m, m.getAllRecipients());
    }
    for (String[] user : new String[][] {{ME, PASSWORD}, {"ada@example.net", "pw-of-ada"}}) {
      try (Store store = session.getStore("imap")) {
        store.connect("127.0.0.1", mail.imapPort(), user[0], user[1]);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessageCount()).as(user[0]).isEqualTo(user[0].equals(ME) ? 1 : 0);
        inbox.close(false);
      }
    }
  }

  @Test
  void theDataFolderIsFreshAndItsDatabaseAnH2File() {
    assertThat(mail.dir()).isEmptyDirectory();
    long contacts = mail.database().read(c -> Sql.count(c, "SELECT COUNT(*) FROM contact"));
    assertThat(contacts).isZero();
    assertThat(mail.dataFolder().path()).isEqualTo(mail.dir().resolve("data"));
    assertThat(mail.dir().resolve("data")).isDirectoryContaining("glob:**.mv.db");
  }

  @Test
  void afterATestTheServerIsStoppedItsPortsFreeAndTheFolderGone() throws Exception {
    RapportMail own = RapportMail.account(ME, PASSWORD);
    own.beforeEach(null);
    int smtp = own.smtpPort();
    int imap = own.imapPort();
    Path dir = own.dir();
    own.database();
    assertThat(ListeningSockets.ofThisProcess().values()).contains("127.0.0.1:" + smtp);
    own.afterEach(null);
    assertThat(ListeningSockets.ofThisProcess().values())
        .doesNotContain("127.0.0.1:" + smtp, "127.0.0.1:" + imap);
    for (int port : new int[] {smtp, imap})
      try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(again.getLocalPort()).isEqualTo(port);
      }
    assertThat(Files.exists(dir)).isFalse();
  }
}
