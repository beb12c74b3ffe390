package dev.rapport.outbox;

import dev.rapport.RapportException;

/**
 * A draft that cannot become a safe message (a header with a line break, a bad address); it is
 * never sent.
 */
final class UnsendableDraftException extends RapportException {
  UnsendableDraftException(String message) {
    super(message);
  }
}
