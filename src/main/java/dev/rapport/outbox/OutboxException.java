package dev.rapport.outbox;

import dev.rapport.RapportException;

/** The outbox cannot run as asked: no mail server to send to. */
public final class OutboxException extends RapportException {
  public OutboxException(String message) {
    super(message);
  }
}
