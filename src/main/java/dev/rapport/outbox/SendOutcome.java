package dev.rapport.outbox;

/**
 * How one SMTP attempt ended. {@link Kind#RETRY}: not delivered, try again later (4xx, a connection
 * refused, a timeout before the final "."). {@link Kind#FAILED}: refused for good (5xx). {@link
 * Kind#UNCERTAIN}: the final "." was sent and no clear answer came back — the server may have taken
 * the message. {@code unreachable} marks a retry where no connection could be made at all, so the
 * rest of the batch waits too.
 */
record SendOutcome(Kind kind, String detail, boolean unreachable, boolean loginRefused) {
  enum Kind {
    DELIVERED,
    RETRY,
    FAILED,
    UNCERTAIN
  }

  static SendOutcome delivered(String response) {
    return new SendOutcome(Kind.DELIVERED, response, false, false);
  }

  static SendOutcome retry(String why) {
    return new SendOutcome(Kind.RETRY, why, false, false);
  }

  /** The server could not be reached or refused the login ({@code loginRefused}). */
  static SendOutcome unreachable(String why, boolean loginRefused) {
    return new SendOutcome(Kind.RETRY, why, true, loginRefused);
  }

  static SendOutcome failed(String why) {
    return new SendOutcome(Kind.FAILED, why, false, false);
  }

  static SendOutcome uncertain(String why) {
    return new SendOutcome(Kind.UNCERTAIN, why, false, false);
  }
}
