package dev.rapport.setup;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * A company domain hosted by a big provider says so in its MX records: {@code aspmx.l.google.com}
 * is Google Workspace, {@code *.mail.protection.outlook.com} Microsoft 365.
 */
final class MxLookup {
  private final Dns dns;

  MxLookup(Dns dns) {
    this.dns = dns;
  }

  Optional<Found> find(String address, Consumer<String> said) throws Dns.DnsException {
    String domain = address.substring(address.indexOf('@') + 1);
    var hosts = dns.mx(domain);
    for (String host : hosts) {
      Optional<Provider> p = ProviderTable.byMxHost(host);
      if (p.isPresent())
        return Optional.of(
            Found.of(p.get(), address, "the MX host " + strip(host) + " (" + p.get().name() + ")"));
    }
    said.accept(
        "MX records of "
            + domain
            + ": "
            + (hosts.isEmpty()
                ? "none"
                : String.join(", ", hosts.stream().map(MxLookup::strip).toList())
                    + ", not a provider rapport knows"));
    return Optional.empty();
  }

  private static String strip(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }
}
