package dev.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.config.Config.Security;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoconfigXmlTest {
  static final String DOC =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <clientConfig version="1.1">
        <emailProvider id="example.org">
          <domain>example.org</domain>
          <incomingServer type="pop3">
            <hostname>pop.example.org</hostname><port>995</port><socketType>SSL</socketType>
          </incomingServer>
          <incomingServer type="imap">
            <hostname>imap.example.org</hostname><port>143</port><socketType>STARTTLS</socketType>
            <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
          </incomingServer>
          <incomingServer type="imap">
            <hostname>imap.%EMAILDOMAIN%</hostname><port>993</port><socketType>SSL</socketType>
            <username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication>
          </incomingServer>
          <outgoingServer type="smtp">
            <hostname>mail.example.org</hostname><port>25</port><socketType>plain</socketType>
          </outgoingServer>
          <outgoingServer type="smtp">
            <hostname>smtp.example.org</hostname><port>587</port><socketType>STARTTLS</socketType>
            <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
          </outgoingServer>
        </emailProvider>
      </clientConfig>
      """;

  static Found parse(String xml) throws Exception {
    return AutoconfigXml.parse(xml.getBytes(StandardCharsets.UTF_8), "ada@example.org", "test");
  }

  @Test
  void readsTheTlsServersImplicitTlsFirstWithThePlaceholdersFilledIn() throws Exception {
    Found f = parse(DOC);
    assertThat(f.imap()).isEqualTo(new Server("imap.example.org", 993, Security.TLS));
    assertThat(f.imapUser()).isEqualTo("ada");
    assertThat(f.smtp()).isEqualTo(new Server("smtp.example.org", 587, Security.STARTTLS));
    assertThat(f.smtpUser()).isEqualTo("ada@example.org");
    assertThat(f.oauth2()).isFalse();
  }

  @Test
  void anOauth2OnlyServerIsSaidSo() throws Exception {
    Found f =
        parse(
            DOC.replace(
                "<authentication>password-cleartext</authentication>",
                "<authentication>OAuth2</authentication>"));
    assertThat(f.oauth2()).isTrue();
  }

  @Test
  void plaintextOnlyServersAreNotUsedBeyondThisMachine() {
    String plain = DOC.replace("STARTTLS", "plain").replace("SSL", "plain");
    assertThatThrownBy(() -> parse(plain))
        .isInstanceOf(AutoconfigXml.Unusable.class)
        .hasMessageContaining("no IMAP server with TLS");
  }

  @Test
  void anExternalEntityIsRefusedAndNeverRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "imap.stolen.example");
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE clientConfig [<!ENTITY x SYSTEM "%s">]>
        <clientConfig><emailProvider>
          <incomingServer type="imap"><hostname>&x;</hostname><port>993</port><socketType>SSL</socketType></incomingServer>
          <outgoingServer type="smtp"><hostname>&x;</hostname><port>465</port><socketType>SSL</socketType></outgoingServer>
        </emailProvider></clientConfig>
        """
            .formatted(secret.toUri());
    assertThatThrownBy(() -> parse(xxe))
        .isInstanceOf(AutoconfigXml.Unusable.class)
        .hasMessageContaining("DTD")
        .hasMessageNotContaining("stolen");
  }

  @Test
  void entityExpansionIsRefused() {
    String bomb =
        """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
        <clientConfig>&lol2;</clientConfig>
        """;
    assertThatThrownBy(() -> parse(bomb)).hasMessageContaining("DTD");
  }

  @Test
  void somethingElseIsNotTakenForADocument() {
    assertThatThrownBy(() -> parse("<html><body>Not found</body></html>"))
        .hasMessageContaining("not an autoconfig document");
    assertThatThrownBy(() -> parse("not xml at all")).hasMessageContaining("not well-formed");
  }
}
