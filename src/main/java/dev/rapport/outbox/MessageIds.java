package dev.rapport.outbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Message-IDs on the user's own domain (RFC 5322 §3.6.4): {@code <random.time@domain>}. The outbox
 * makes one and stores it before a draft's SMTP exchange begins, so that a copy can later be
 * recognised in the Sent folder and replies matched to it.
 */
final class MessageIds {
  private final SecureRandom random = new SecureRandom();

  /** A new Message-ID, with angle brackets, on the domain of {@code address}. */
  String next(String address, long epochMillis) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return "<"
        + HexFormat.of().formatHex(bytes)
        + "."
        + Long.toString(epochMillis, 36)
        + "@"
        + domainOf(address)
        + ">";
  }

  static String domainOf(String address) {
    int at = address.lastIndexOf('@');
    String domain = at < 0 ? "" : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    if (!domain.matches("[a-z0-9.-]+") || domain.isEmpty()) return "rapport.invalid";
    return domain;
  }
}
