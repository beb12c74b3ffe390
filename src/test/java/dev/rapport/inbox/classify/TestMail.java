package dev.rapport.inbox.classify;

import java.nio.charset.StandardCharsets;

/** Small helpers for classifier tests: hand-written messages. */
final class TestMail {
  private TestMail() {}

  /** A text block as message bytes (UTF-8, LF line ends: the reader makes them CR LF). */
  static byte[] bytes(String message) {
    return message.getBytes(StandardCharsets.UTF_8);
  }
}
