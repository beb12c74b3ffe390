package dev.rapport.setup;

import dev.rapport.config.Config.Security;
import java.util.List;
import java.util.Optional;

/**
 * RFC 6186 SRV records: {@code _imaps._tcp} (implicit TLS) before {@code _imap._tcp} (STARTTLS) for
 * reading, {@code _submissions._tcp} (RFC 8314) before {@code _submission._tcp} for sending. A
 * target of "." says the service is not offered there.
 */
final class SrvLookup {
  private final Dns dns;

  SrvLookup(Dns dns) {
    this.dns = dns;
  }

  Optional<Found> find(String address, java.util.function.Consumer<String> said)
      throws Dns.DnsException {
    String domain = address.substring(address.indexOf('@') + 1);
    Optional<Server> imap =
        first("_imaps._tcp." + domain, Security.TLS)
            .or(() -> firstQuietly("_imap._tcp." + domain, Security.STARTTLS));
    Optional<Server> smtp =
        first("_submissions._tcp." + domain, Security.TLS)
            .or(() -> firstQuietly("_submission._tcp." + domain, Security.STARTTLS));
    if (imap.isEmpty() || smtp.isEmpty()) {
      said.accept(
          "DNS SRV records of "
              + domain
              + ": "
              + (imap.isEmpty() && smtp.isEmpty()
                  ? "none"
                  : imap.isEmpty() ? "no IMAP server" : "no SMTP submission server"));
      return Optional.empty();
    }
    return Optional.of(
        new Found(
            imap.get(),
            smtp.get(),
            address,
            address,
            false,
            "DNS SRV records of " + domain,
            ProviderTable.bySmtpHost(smtp.get().host(), address)));
  }

  private Optional<Server> first(String name, Security security) throws Dns.DnsException {
    List<Dns.Srv> records = dns.srv(name);
    for (Dns.Srv r : records) {
      String target = r.target();
      if (target.equals(".") || target.isEmpty() || r.port() == 0) return Optional.empty();
      return Optional.of(new Server(target, r.port(), security));
    }
    return Optional.empty();
  }

  private Optional<Server> firstQuietly(String name, Security security) {
    try {
      return first(name, security);
    } catch (Dns.DnsException e) {
      return Optional.empty();
    }
  }
}
