package dev.rapport.setup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link Dns} with dnsjava: one query per question, sent to the system's resolvers or to a given
 * address (tests point it at a stand-in on 127.0.0.1), with a timeout.
 */
public final class DnsJava implements Dns {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final Resolver resolver;

  private DnsJava(Resolver resolver) {
    this.resolver = resolver;
    resolver.setTimeout(TIMEOUT);
  }

  /** The resolvers this machine is configured with (/etc/resolv.conf and the like). */
  public static DnsJava system() {
    return new DnsJava(new ExtendedResolver());
  }

  /** One resolver at {@code address} (a test's stand-in DNS server). */
  public static DnsJava at(InetSocketAddress address) {
    return new DnsJava(new SimpleResolver(address));
  }

  @Override
  public List<Srv> srv(String name) throws DnsException {
    List<Srv> out = new ArrayList<>();
    for (Record r : ask(name, Type.SRV)) {
      if (r instanceof SRVRecord s)
        out.add(new Srv(s.getPriority(), s.getWeight(), s.getPort(), s.getTarget().toString()));
    }
    // Lowest priority first; among equals the heaviest (RFC 2782 picks at random by weight).
    out.sort(
        Comparator.comparingInt(Srv::priority)
            .thenComparing(Comparator.comparingInt(Srv::weight).reversed()));
    return out;
  }

  @Override
  public List<String> mx(String domain) throws DnsException {
    List<MXRecord> mx = new ArrayList<>();
    for (Record r : ask(domain, Type.MX)) {
      if (r instanceof MXRecord m) mx.add(m);
    }
    mx.sort(Comparator.comparingInt(MXRecord::getPriority));
    return mx.stream().map(m -> m.getTarget().toString()).toList();
  }

  private List<Record> ask(String name, int type) throws DnsException {
    Name n;
    try {
      n = Name.fromString(name.endsWith(".") ? name : name + ".");
    } catch (TextParseException e) {
      throw new DnsException("\"" + name + "\" is not a name DNS can look up");
    }
    Message answer;
    try {
      answer = resolver.send(Message.newQuery(Record.newRecord(n, type, DClass.IN)));
    } catch (IOException e) {
      throw new DnsException(
          "no answer from DNS for " + name + " (" + Type.string(type) + "): " + e.getMessage());
    }
    int rcode = answer.getRcode();
    if (rcode == Rcode.NXDOMAIN) return List.of();
    if (rcode != Rcode.NOERROR)
      throw new DnsException("DNS answered " + Rcode.string(rcode) + " for " + name);
    return answer.getSection(Section.ANSWER);
  }
}
