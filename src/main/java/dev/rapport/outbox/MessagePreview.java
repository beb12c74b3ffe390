package dev.rapport.outbox;

import java.util.List;

/**
 * A draft as the outbox would send it now: the header lines of the MIME message it builds (decoded
 * for reading), and the body. {@code problem} says why it could not be sent as it is, with the
 * headers then empty. The Message-ID and Date of a draft not yet sent are fixed only when it goes.
 */
public record MessagePreview(List<Header> headers, String body, String problem) {
  public record Header(String name, String value) {}
}
