package dev.rapport.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.Config.Security;
import dev.rapport.mail.Endpoint;
import dev.rapport.mail.MailSessions;
import dev.rapport.store.DataFolder;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxMailIT {
  @TempDir Path dir;

  @Test
  void anotherProcessCanFindTheSandboxAndLogIn() throws Exception {
    DataFolder data = new DataFolder(dir);
    SandboxMail sandbox =
        new SandboxMail(new SandboxMail.Ports(freePort(), freePort()), "me@rapport.test", data);
    sandbox.start();
    try {
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix"))
        assertThat(
                java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(data.sandboxFile())))
            .isEqualTo("rw-------");
      SandboxMail.Running found = SandboxMail.discover(data, "me@rapport.test").orElseThrow();
      assertThat(found.ports()).isEqualTo(sandbox.ports());
      Endpoint imap =
          new Endpoint(
              "127.0.0.1",
              found.ports().imap(),
              Security.NONE,
              found.login().address(),
              () -> found.login().password());
      try (Store store = MailSessions.imap(imap).getStore("imap")) {
        store.connect(imap.host(), imap.port(), imap.username(), imap.password().get());
        assertThat(store.getFolder("INBOX").exists()).isTrue();
      }
    } finally {
      sandbox.stop();
    }
    assertThat(SandboxMail.discover(data, "me@rapport.test")).isEmpty();
  }

  @Test
  void aContactsMailboxCannotBeOpenedWithItsAddressAsPassword() throws Exception {
    DataFolder data = new DataFolder(dir);
    SandboxMail sandbox =
        new SandboxMail(new SandboxMail.Ports(freePort(), freePort()), "me@rapport.test", data);
    sandbox.start();
    try {
      // What the outbox does: mail to a contact, which makes their mailbox in the sandbox.
      Session session = Session.getInstance(new Properties());
      MimeMessage m = new MimeMessage(session);
      m.setFrom("me@rapport.test");
      m.setRecipients(Message.RecipientType.TO, "ada@example.org");
      m.setSubject("Coffee?");
      m.setText("Would you have 30 minutes?");
      try (Transport t = session.getTransport("smtp")) {
        t.connect("127.0.0.1", sandbox.ports().smtp(), null, null);
        t.sendMessage(m, m.getAllRecipients());
      }
      for (String guess : new String[] {"ada@example.org", "ada", "", "me@rapport.test"}) {
        assertThatThrownBy(
                () -> {
                  try (Store store = session.getStore("imap")) {
                    store.connect("127.0.0.1", sandbox.ports().imap(), "ada@example.org", guess);
                  }
                })
            .as(guess)
            .isInstanceOf(AuthenticationFailedException.class);
      }
      // The user's own mailbox still opens with the sandbox's secret.
      try (Store store = session.getStore("imap")) {
        store.connect(
            "127.0.0.1",
            sandbox.ports().imap(),
            sandbox.login().address(),
            sandbox.login().password());
        assertThat(store.getFolder("INBOX").exists()).isTrue();
      }
    } finally {
      sandbox.stop();
    }
  }

  @Test
  void thePasswordStaysTheSameAcrossRestarts() {
    DataFolder data = new DataFolder(dir);
    assertThat(data.sandboxSecret()).isEqualTo(new DataFolder(dir).sandboxSecret()).hasSize(48);
  }

  private static int freePort() throws IOException {
    return dev.rapport.testing.FreePorts.next();
  }
}
