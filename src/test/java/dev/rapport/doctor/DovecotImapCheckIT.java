package dev.rapport.doctor;

import static dev.rapport.doctor.ImapCheckIT.named;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.Config;
import dev.rapport.config.Config.Security;
import dev.rapport.config.ConfigLoader;
import dev.rapport.mail.DovecotServer;
import dev.rapport.mail.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor's IMAP check against a private Dovecot over TLS (Debian's dovecot-imapd). */
class DovecotImapCheckIT {
  static DovecotServer dovecot;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    DovecotServer.assumeInstalled();
    dovecot = new DovecotServer();
  }

  @AfterAll
  static void stop() {
    if (dovecot != null) dovecot.close();
  }

  Config.Imap imap(Endpoint e, String inbox, String sent) throws Exception {
    Path file = dir.resolve("rapport.yaml");
    Files.writeString(
        file,
        """
        me: {name: Ada, email: %s}
        smtp: {host: 127.0.0.1, port: 1, security: none, username: ada, password_env: PW}
        imap: {host: 127.0.0.1, port: %d, security: %s, username: %s, password_env: PW, inbox: %s, sent: %s}
        """
            .formatted(
                DovecotServer.USER,
                e.port(),
                e.security().name().toLowerCase(java.util.Locale.ROOT),
                e.username(),
                inbox,
                sent));
    return ConfigLoader.load(file, true).mail().orElseThrow().imap();
  }

  @Test
  void autoFindsTheFolderMarkedSentOverTls() throws Exception {
    Endpoint e = dovecot.endpoint(Security.TLS);
    List<Finding> f = ImapCheck.run(imap(e, "INBOX", "auto"), e);
    assertThat(named(f, "imap login").verdict()).isEqualTo(Finding.Verdict.OK);
    assertThat(named(f, "imap folders").message()).contains("reads INBOX");
    assertThat(named(f, "sent folder").message())
        .isEqualTo("copies of sent mail go to Sent (marked \\Sent)");
  }

  @Test
  void startTlsOnThePlainPortWorksToo() throws Exception {
    Endpoint e = dovecot.endpoint(Security.STARTTLS);
    List<Finding> f = ImapCheck.run(imap(e, "INBOX", "auto"), e);
    assertThat(named(f, "imap login").verdict()).isEqualTo(Finding.Verdict.OK);
    assertThat(named(f, "sent folder").verdict()).isEqualTo(Finding.Verdict.OK);
  }

  @Test
  void aWrongPasswordIsARefusedLoginWithoutThePassword() throws Exception {
    Endpoint good = dovecot.endpoint();
    Endpoint e =
        new Endpoint(
            good.host(),
            good.port(),
            good.security(),
            good.username(),
            () -> "wrong-pw-31",
            good.tls());
    Finding login = named(ImapCheck.run(imap(e, "INBOX", "auto"), e), "imap login");
    assertThat(login.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(login.message())
        .startsWith("the IMAP server refused the login")
        .doesNotContain("wrong-pw-31");
    assertThat(login.fix()).contains("imap.username");
  }

  @Test
  void anUntrustedCertificateIsNamedATlsFailure() throws Exception {
    Endpoint good = dovecot.endpoint();
    Endpoint e =
        new Endpoint(good.host(), good.port(), good.security(), good.username(), good.password());
    Finding login = named(ImapCheck.run(imap(e, "INBOX", "auto"), e), "imap login");
    assertThat(login.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(login.message()).startsWith("TLS with the IMAP server failed");
    assertThat(login.fix()).contains("imap.security");
  }

  @Test
  void aMissingInboxFolderIsSaid() throws Exception {
    Endpoint e = dovecot.endpoint();
    Finding folders = named(ImapCheck.run(imap(e, "Replies", "Sent"), e), "imap folders");
    assertThat(folders.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(folders.message()).contains("no folder Replies");
  }
}
