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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OutboxCheckIT {
  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser("zoe@example.org", "zoe@example.org", "right-pw"));

  @RegisterExtension
  static final GreenMailExtension smtps =
      new GreenMailExtension(DoctorTlsIT.patient(ServerSetupTest.SMTPS.dynamicPort()));

  @TempDir Path dir;

  Config.Smtp smtp(int port) throws Exception {
    return smtp("127.0.0.1", port, "none");
  }

  Config.Smtp smtp(String host, int port, String security) throws Exception {
    Path file = dir.resolve("rapport.yaml");
    Files.writeString(
        file,
        """
        me: {name: Zoë, email: zoe@example.org}
        smtp: {host: %s, port: %d, security: %s, username: zoe@example.org, password_env: PW}
        imap: {host: 127.0.0.1, port: 1, security: none, username: zoe@example.org, password_env: PW}
        """
            .formatted(host, port, security));
    return ConfigLoader.load(file, true).mail().orElseThrow().smtp();
  }

  @Test
  void aWorkingLoginIsOk() throws Exception {
    Finding f =
        OutboxCheck.smtp(smtp(mail.getSmtp().getPort()), Map.of("PW", "right-pw")).orElseThrow();
    assertThat(f.verdict()).isEqualTo(Finding.Verdict.OK);
    assertThat(f.message()).contains("127.0.0.1:" + mail.getSmtp().getPort());
  }

  @Test
  void aRefusedLoginIsNamedWithoutThePassword() throws Exception {
    Finding f =
        OutboxCheck.smtp(smtp(mail.getSmtp().getPort()), Map.of("PW", "wrong-pw-77")).orElseThrow();
    assertThat(f.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(f.message())
        .startsWith("the SMTP server refused the login")
        .doesNotContain("wrong-pw-77");
    assertThat(f.fix()).contains("smtp.username");
  }

  @Test
  void aClosedPortIsARefusedConnection() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closed = s.getLocalPort();
    }
    Finding f = OutboxCheck.smtp(smtp(closed), Map.of("PW", "right-pw")).orElseThrow();
    assertThat(f.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(f.message()).startsWith("the SMTP server refused the connection");
  }

  @Test
  void aCertificateThatIsNotTrustedIsATlsFailure() throws Exception {
    Finding f =
        OutboxCheck.smtp(
                smtp("127.0.0.1", smtps.getSmtps().getPort(), "tls"), Map.of("PW", "right-pw"))
            .orElseThrow();
    assertThat(f.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(f.message())
        .startsWith("the certificate of 127.0.0.1:" + smtps.getSmtps().getPort() + " was refused")
        .contains("SHA-256 fingerprint is SHA256:");
    assertThat(f.fix()).contains("smtp.trust: \"SHA256:");
  }

  @Test
  void aNameThatDoesNotResolveIsADnsFailure() throws Exception {
    Finding f =
        OutboxCheck.smtp(smtp("no-such-host.invalid", 587, "starttls"), Map.of("PW", "right-pw"))
            .orElseThrow();
    assertThat(f.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(f.message()).startsWith("the SMTP server's name could not be resolved (DNS)");
    assertThat(f.fix()).contains("no-such-host.invalid");
  }

  @Test
  void noLoginIsTriedWithoutThePassword() throws Exception {
    assertThat(OutboxCheck.smtp(smtp(mail.getSmtp().getPort()), Map.of())).isEmpty();
  }

  @Test
  void silenceOnAPortThatExpectsTlsSuggestsTls() {
    var starttls =
        new dev.rapport.mail.Endpoint(
            "smtp.example.org", 465, dev.rapport.config.Config.Security.STARTTLS, "z", () -> "pw");
    assertThat(OutboxCheck.smtpFix("the SMTP server did not answer in time", starttls))
        .contains("port 465")
        .contains("smtp.security: tls");
  }
}
