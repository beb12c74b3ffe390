package dev.rapport.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.Config.Security;
import org.junit.jupiter.api.Test;

class MailSessionsTest {
  @Test
  void everyConnectionHasTimeoutsAndStartTlsIsRequired() {
    var session =
        MailSessions.smtp(
            new Endpoint("smtp.example.org", 587, Security.STARTTLS, "ada", () -> "pw"));
    var p = session.getProperties();
    assertThat(p.getProperty("mail.smtp.connectiontimeout")).isEqualTo("15000");
    assertThat(p.getProperty("mail.smtp.timeout")).isEqualTo("60000");
    assertThat(p.getProperty("mail.smtp.writetimeout")).isEqualTo("60000");
    assertThat(p.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
    assertThat(p.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
  }

  @Test
  void implicitTlsUsesTheSecureProtocolsAndImapOnlyPeeks() {
    var e = new Endpoint("imap.example.org", 993, Security.TLS, "ada", () -> "pw");
    var p = MailSessions.imap(e).getProperties();
    assertThat(MailSessions.imapProtocol(e)).isEqualTo("imaps");
    assertThat(p.getProperty("mail.imaps.ssl.enable")).isEqualTo("true");
    assertThat(p.getProperty("mail.imaps.peek")).isEqualTo("true");
    assertThat(p.getProperty("mail.imaps.timeout")).isEqualTo("60000");
  }

  @Test
  void everyConnectionSendsWithoutNagleDelay() throws Exception {
    for (Security security : Security.values()) {
      var e = new Endpoint("127.0.0.1", 1143, security, "ada", () -> "pw");
      var smtp = MailSessions.smtp(e).getProperties();
      var imap = MailSessions.imap(e).getProperties();
      assertThat(smtp.get("mail." + MailSessions.smtpProtocol(e) + ".socketFactory"))
          .isSameAs(NoDelaySockets.INSTANCE);
      assertThat(imap.get("mail." + MailSessions.imapProtocol(e) + ".socketFactory"))
          .isSameAs(NoDelaySockets.INSTANCE);
    }
    try (var socket = NoDelaySockets.INSTANCE.createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void plaintextOnlyToLoopback() {
    assertThat(new Endpoint("127.0.0.1", 3025, Security.NONE, "me", () -> "pw").host())
        .isEqualTo("127.0.0.1");
    assertThat(Endpoint.isLoopback("localhost")).isTrue();
    assertThat(Endpoint.isLoopback("[::1]")).isTrue();
    assertThatThrownBy(() -> new Endpoint("mail.example.org", 25, Security.NONE, "me", () -> "pw"))
        .isInstanceOf(MailException.class)
        .hasMessageContaining("allowed only to this machine");
    assertThat(Endpoint.isLoopback("127.evil.example")).isFalse();
  }

  @Test
  void theEndpointNeverPrintsItsPassword() {
    var e = new Endpoint("smtp.example.org", 587, Security.STARTTLS, "ada", () -> "hunter2");
    assertThat(e.toString()).doesNotContain("hunter2").contains("ada@smtp.example.org:587");
  }

  @Test
  void aGivenTrustIsUsedForTlsAndNothingElseIsRelaxed() throws Exception {
    var factory = javax.net.ssl.SSLContext.getDefault().getSocketFactory();
    var e = new Endpoint("127.0.0.1", 993, Security.TLS, "ada", () -> "pw", factory);
    var p = MailSessions.imap(e).getProperties();
    assertThat(p.get("mail.imaps.ssl.socketFactory")).isSameAs(factory);
    assertThat(p.getProperty("mail.imaps.ssl.checkserveridentity")).isEqualTo("true");
    assertThat(p.getProperty("mail.imaps.ssl.trust")).isNull();
    var plain = new Endpoint("127.0.0.1", 143, Security.NONE, "ada", () -> "pw", factory);
    assertThat(MailSessions.imap(plain).getProperties().get("mail.imap.ssl.socketFactory"))
        .isNull();
  }
}
