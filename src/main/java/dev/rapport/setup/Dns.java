package dev.rapport.setup;

import java.util.List;

/** The two DNS questions setup asks. Answers are empty when the name has no such records. */
public interface Dns {
  /** One SRV record (RFC 2782); a target of "." says the service is not offered. */
  record Srv(int priority, int weight, int port, String target) {}

  /** SRV records of {@code name} (e.g. {@code _imaps._tcp.example.org}). */
  List<Srv> srv(String name) throws DnsException;

  /** Mail exchanger hosts of {@code domain}, most preferred first. */
  List<String> mx(String domain) throws DnsException;

  /** The lookup itself failed (no answer in time, a server failure): not "no records". */
  final class DnsException extends Exception {
    public DnsException(String message) {
      super(message);
    }
  }
}
