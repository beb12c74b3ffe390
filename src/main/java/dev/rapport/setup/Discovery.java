package dev.rapport.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the IMAP and SMTP servers of an address, trying in order: the built-in table of big
 * providers, the domain's autoconfig document (then Thunderbird's ISPDB), RFC 6186 SRV records, and
 * the MX host of a domain hosted by a known provider. The first step that answers wins; when none
 * does, {@link Result#tried} says what each one found.
 */
public final class Discovery {
  private final Autoconfig autoconfig;
  private final Dns dns;

  public Discovery(Autoconfig autoconfig, Dns dns) {
    this.autoconfig = autoconfig;
    this.dns = dns;
  }

  public static Discovery standard() {
    return new Discovery(Autoconfig.standard(), DnsJava.system());
  }

  /** What was found (if anything) and, step by step, what was tried before. */
  public record Result(Optional<Found> found, List<String> tried) {}

  public Result find(String address) {
    String a = address.strip();
    String domain = a.substring(a.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    List<String> tried = new ArrayList<>();
    Optional<Provider> known = ProviderTable.byDomain(domain);
    if (known.isPresent())
      return new Result(
          Optional.of(Found.of(known.get(), a, "the built-in table (" + known.get().name() + ")")),
          tried);
    tried.add("the built-in table: " + domain + " is not one of the big providers");
    Optional<Found> f = autoconfig.find(a, tried::add);
    if (f.isPresent()) return new Result(f, tried);
    try {
      f = new SrvLookup(dns).find(a, tried::add);
      if (f.isPresent()) return new Result(f, tried);
    } catch (Dns.DnsException e) {
      tried.add("DNS SRV records: " + e.getMessage());
    }
    try {
      f = new MxLookup(dns).find(a, tried::add);
    } catch (Dns.DnsException e) {
      tried.add("MX records: " + e.getMessage());
    }
    return new Result(f, tried);
  }
}
