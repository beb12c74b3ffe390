package dev.rapport.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.Config.Security;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery's order against stand-ins for the autoconfig places and DNS on 127.0.0.1. */
class DiscoveryIT {
  StandInAutoconfig web;
  StandInDns dns;
  Discovery discovery;

  @BeforeEach
  void start() throws Exception {
    web = new StandInAutoconfig();
    dns = new StandInDns();
    discovery = new Discovery(new Autoconfig(web.places()), DnsJava.at(dns.address()));
  }

  @AfterEach
  void stop() {
    web.close();
    dns.close();
  }

  @Test
  void theBuiltInTableAnswersFirstWithoutAskingTheNetwork() {
    Discovery.Result r = discovery.find("ada@gmail.com");
    assertThat(r.found().orElseThrow().imap().host()).isEqualTo("imap.gmail.com");
    assertThat(r.found().orElseThrow().how()).contains("built-in table");
    assertThat(web.asked).isEmpty();
    assertThat(dns.asked).isEmpty();
  }

  @Test
  void theDomainsAutoconfigComesBeforeDns() throws Exception {
    web.put(
        "/wellknown/firm.example/.well-known/autoconfig/mail/config-v1.1.xml",
        AutoconfigXmlTest.DOC);
    dns.srv("_imaps._tcp.firm.example", 993, "srv-imap.firm.example");
    dns.srv("_submission._tcp.firm.example", 587, "srv-smtp.firm.example");
    Discovery.Result r = discovery.find("ada@firm.example");
    Found f = r.found().orElseThrow();
    assertThat(f.imap().host()).isEqualTo("imap.firm.example");
    assertThat(f.how()).contains("/wellknown/firm.example/");
    assertThat(web.asked).hasSize(2).first().asString().contains("emailaddress=ada%40firm.example");
    assertThat(dns.asked).isEmpty();
  }

  @Test
  void theIspdbIsAskedAfterTheDomainsOwnPlaces() throws Exception {
    web.put("/ispdb/v1.1/firm.example", AutoconfigXmlTest.DOC);
    assertThat(discovery.find("ada@firm.example").found().orElseThrow().how()).contains("/ispdb/");
    assertThat(web.asked).hasSize(3);
  }

  @Test
  void srvRecordsComeNextImplicitTlsFirst() throws Exception {
    dns.srv("_imaps._tcp.firm.example", 993, "imap.mail.firm.example");
    dns.srv("_imap._tcp.firm.example", 143, "other.firm.example");
    dns.srv("_submission._tcp.firm.example", 587, "smtp.mail.firm.example");
    Found f = discovery.find("ada@firm.example").found().orElseThrow();
    assertThat(f.imap()).isEqualTo(new Server("imap.mail.firm.example", 993, Security.TLS));
    assertThat(f.smtp()).isEqualTo(new Server("smtp.mail.firm.example", 587, Security.STARTTLS));
    assertThat(f.how()).contains("SRV");
  }

  @Test
  void theMxHostNamesTheProviderOfACompanyDomain() throws Exception {
    dns.mx("firm.example", 10, "firm-example.mail.protection.outlook.com");
    Found f = discovery.find("ada@firm.example").found().orElseThrow();
    assertThat(f.provider()).contains(ProviderTable.MICROSOFT_365);
    assertThat(f.smtp().host()).isEqualTo("smtp.office365.com");
    assertThat(f.oauth2()).isTrue();
    assertThat(f.how()).contains("firm-example.mail.protection.outlook.com");

    dns.mx("shop.example", 1, "aspmx.l.google.com");
    assertThat(discovery.find("ada@shop.example").found().orElseThrow().provider())
        .contains(ProviderTable.GOOGLE_WORKSPACE);
  }

  @Test
  void nothingFoundSaysWhatEachStepFound() throws Exception {
    dns.mx("nowhere.example", 10, "mx.nowhere.example");
    Discovery.Result r = discovery.find("ada@nowhere.example");
    assertThat(r.found()).isEmpty();
    assertThat(String.join("\n", r.tried()))
        .contains("not one of the big providers")
        .contains("/autoconfig/nowhere.example/")
        .contains("/ispdb/v1.1/nowhere.example: no document")
        .contains("DNS SRV records of nowhere.example: none")
        .contains("mx.nowhere.example, not a provider rapport knows");
  }
}
