package dev.rapport.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.config.Config;
import dev.rapport.config.ConfigLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * doctor against GreenMail's implicit-TLS ports (IMAPS, SMTPS) and their self-signed certificate: a
 * TLS port configured as starttls, a certificate that does not verify, and one pinned.
 */
class DoctorTlsIT {
  static final String ME = "zoe@example.org";
  static final Pattern FP = Pattern.compile("SHA256:[0-9A-F]{2}(:[0-9A-F]{2}){31}");

  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(
              new ServerSetup[] {
                // TLS servers start slowly on a busy machine: more than GreenMail's 2 s.
                patient(ServerSetupTest.SMTPS.dynamicPort()),
                patient(ServerSetupTest.IMAPS.dynamicPort())
              })
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(ME, ME, "pw"));

  static ServerSetup patient(ServerSetup s) {
    s.setServerStartupTimeout(30_000);
    return s;
  }

  static Config.Mail config(String security, String imapTrust, String smtpTrust) {
    String yaml =
        """
        me: {name: Zoë, email: %s}
        smtp: {host: 127.0.0.1, port: %d, security: %s, username: %s, password_env: PW%s}
        imap: {host: 127.0.0.1, port: %d, security: %s, username: %s, password_env: PW%s}
        """
            .formatted(
                ME,
                mail.getSmtps().getPort(),
                security,
                ME,
                smtpTrust == null ? "" : ", trust: \"" + smtpTrust + "\"",
                mail.getImaps().getPort(),
                security,
                ME,
                imapTrust == null ? "" : ", trust: \"" + imapTrust + "\"");
    return ConfigLoader.parse(yaml, null).mail().orElseThrow();
  }

  static Finding named(List<Finding> findings, String check) {
    return ImapCheckIT.named(findings, check);
  }

  @Test
  void aTlsPortConfiguredAsStarttlsGivesUpWithinTenSecondsWithTheRightAdvice() {
    Config.Mail m = config("starttls", null, null);
    long start = System.nanoTime();
    Finding imap = named(ImapCheck.run(m.imap(), Map.of("PW", "pw")), "imap login");
    Duration imapTook = Duration.ofNanos(System.nanoTime() - start);
    assertThat(imap.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(imap.message()).contains("did not answer in time");
    assertThat(imap.fix()).contains("imap.security: tls");
    assertThat(imapTook).isLessThan(Duration.ofSeconds(10));

    start = System.nanoTime();
    Finding smtp = OutboxCheck.smtp(m.smtp(), Map.of("PW", "pw")).orElseThrow();
    Duration smtpTook = Duration.ofNanos(System.nanoTime() - start);
    assertThat(smtp.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(smtp.fix()).contains("smtp.security: tls");
    assertThat(smtpTook).isLessThan(Duration.ofSeconds(10));
    System.out.println(
        "MEASURE starttls on a TLS port: imap gave up after "
            + imapTook.toMillis()
            + " ms, smtp after "
            + smtpTook.toMillis()
            + " ms");
  }

  @Test
  void aCertificateThatDoesNotVerifyIsRefusedWithItsFingerprintAndAcceptedOncePinned() {
    Config.Mail m = config("tls", null, null);
    Finding imap = named(ImapCheck.run(m.imap(), Map.of("PW", "pw")), "imap login");
    assertThat(imap.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(imap.message()).contains("was refused").contains("SHA-256 fingerprint is SHA256:");
    Matcher fp = FP.matcher(imap.message());
    assertThat(fp.find()).isTrue();
    assertThat(imap.fix()).contains("imap.trust: \"" + fp.group() + "\"");
    Finding smtp = OutboxCheck.smtp(m.smtp(), Map.of("PW", "pw")).orElseThrow();
    assertThat(smtp.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(smtp.fix()).contains("smtp.trust: \"" + fp.group() + "\"");

    Config.Mail pinned = config("tls", fp.group().toLowerCase(), fp.group());
    List<Finding> ok = ImapCheck.run(pinned.imap(), Map.of("PW", "pw"));
    assertThat(named(ok, "imap login").verdict()).as(ok.toString()).isEqualTo(Finding.Verdict.OK);
    assertThat(OutboxCheck.smtp(pinned.smtp(), Map.of("PW", "pw")).orElseThrow().verdict())
        .isEqualTo(Finding.Verdict.OK);
  }

  @Test
  void anotherPinnedCertificateIsRefused() {
    String other = "SHA256:" + "00:".repeat(31) + "00";
    Config.Mail m = config("tls", other, null);
    Finding imap = named(ImapCheck.run(m.imap(), Map.of("PW", "pw")), "imap login");
    assertThat(imap.verdict()).isEqualTo(Finding.Verdict.FAIL);
    assertThat(imap.message()).contains("is not the pinned one");
  }
}
