package dev.rapport.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.config.Config;
import dev.rapport.config.ConfigLoader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ImapCheckIT {
  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser("zoe@example.org", "zoe@example.org", "right-pw"));

  @TempDir Path dir;

  Config.Imap imap(int port, String inbox, String sent) throws Exception {
    Path file = dir.resolve("rapport.yaml");
    Files.writeString(
        file,
        """
        me: {name: Zoë, email: zoe@example.org}
        smtp: {host: 127.0.0.1, port: 1, security: none, username: zoe@example.org, password_env: PW}
        imap: {host: 127.0.0.1, port: %d, security: none, username: zoe@example.org, password_env: PW, inbox: %s, sent: %s}
        """
            .formatted(port, inbox, sent));
    return ConfigLoader.load(file, true).mail().orElseThrow().imap();
  }

  static Finding named(List<Finding> findings, String check) {
    return findings.stream()
        .filter(f -> f.check().equals(check))
        .findFirst()
        .orElseThrow(() -> new AssertionError(check + " in " + findings));
  }

  @Test
  void namesTheFoldersItWillUse() throws Exception {
    var store = mail.getManagers().getImapHostManager();
    store.createMailbox(mail.getUserManager().getUser("zoe@example.org"), "Sent Items");
    List<Finding> f =
        ImapCheck.run(imap(mail.getImap().getPort(), "INBOX", "auto"), Map.of("PW", "right-pw"));
    assertThat(named(f, "imap login").verdict()).isEqualTo(Finding.Verdict.OK);
    assertThat(named(f, "imap folders").message()).contains("reads INBOX");
    assertThat(named(f, "sent folder").message()).isEqualTo("copies of sent mail go to Sent Items");
  }

  @Test
  void aMissingInboxFolderAndNoSentFolderAreSaid() throws Exception {
    List<Finding> f =
        ImapCheck.run(imap(mail.getImap().getPort(), "Replies", "auto"), Map.of("PW", "right-pw"));
    assertThat(named(f, "imap folders").verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(named(f, "imap folders").fix()).contains("imap.inbox");
    assertThat(named(f, "sent folder").verdict()).isEqualTo(Finding.Verdict.WARN);
  }

  @Test
  void aRefusedLoginIsNamedWithoutThePassword() throws Exception {
    List<Finding> f =
        ImapCheck.run(imap(mail.getImap().getPort(), "INBOX", "auto"), Map.of("PW", "wrong-pw-77"));
    Finding login = named(f, "imap login");
    assertThat(login.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(login.message())
        .startsWith("the IMAP server refused the login")
        .doesNotContain("wrong-pw-77");
    assertThat(login.fix()).contains("imap.username");
  }

  @Test
  void aClosedPortIsARefusedConnection() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = s.getLocalPort();
    }
    Finding login =
        named(ImapCheck.run(imap(closed, "INBOX", "auto"), Map.of("PW", "right-pw")), "imap login");
    assertThat(login.message()).startsWith("the IMAP server refused the connection");
  }

  @Test
  void silenceOnAPortThatExpectsTlsSuggestsTls() {
    var starttls =
        new dev.rapport.mail.Endpoint(
            "imap.example.org", 993, Config.Security.STARTTLS, "zoe", () -> "pw");
    assertThat(ImapCheck.fix("the IMAP server did not answer in time (Read timed out)", starttls))
        .contains("port 993")
        .contains("imap.security: tls");
    var tls =
        new dev.rapport.mail.Endpoint(
            "imap.example.org", 993, Config.Security.TLS, "zoe", () -> "pw");
    assertThat(ImapCheck.fix("the IMAP server did not answer in time (Read timed out)", tls))
        .doesNotContain("imap.security: tls");
  }
}
