package dev.rapport.inbox.classify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Small helpers for classifier tests: hand-written messages and a fixed context. */
final class TestMail {
  /** The user's own address in every test context. */
  static final String ME = "me@example.org";

  /** "Today" in every test context: Monday, 2 March 2026. */
  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

  private TestMail() {}

  static ClassificationContext context() {
    return ClassificationContext.of(CLOCK, ME);
  }

  /** A text block as message bytes (UTF-8, LF line ends: the reader makes them CR LF). */
  static byte[] bytes(String message) {
    return message.getBytes(StandardCharsets.UTF_8);
  }

  static Classification classify(String message) {
    return new Classifier().classify(bytes(message), context());
  }

  static MessageView read(String message) {
    return new MessageReader().read(bytes(message));
  }

  /** A plain message from a contact with the given extra header lines and subject. */
  static String reply(String extraHeaders, String subject, String body) {
    return "From: Ada Contact <ada@example.com>\n"
        + "To: Me <"
        + ME
        + ">\n"
        + "Subject: "
        + subject
        + "\n"
        + "Message-ID: <reply-1@example.com>\n"
        + "In-Reply-To: <outreach-1@example.org>\n"
        + "Date: Mon, 2 Mar 2026 08:00:00 +0000\n"
        + extraHeaders
        + (extraHeaders.isEmpty() || extraHeaders.endsWith("\n") ? "" : "\n")
        + "\n"
        + body;
  }
}
