package dev.rapport.inbox.classify;

/** What an incoming message is, as far as rapport's contacts are concerned. */
public enum Kind {
  /**
   * A permanent delivery failure (5.x.x, or an address that does not exist): the contact is
   * BOUNCED.
   */
  BOUNCE_HARD,
  /**
   * A temporary failure or delay (4.x.x, Action: delayed): an event, the user is told, stage
   * unchanged.
   */
  BOUNCE_SOFT,
  /** A spam complaint or unsubscribe request: the contact is PAUSED and the user told. */
  COMPLAINT,
  /** An out-of-office or other automatic answer: an event; nudges wait for the return date. */
  AUTO_REPLY,
  /** A success notification (2.x.x delivered, relayed or expanded): nothing changes. */
  DELIVERY_REPORT,
  /** Newsletter or mailing-list traffic outside our threads: not a reply. */
  LIST_MAIL,
  /** A person answered. */
  HUMAN_REPLY,
  /** Sent from one of the user's own addresses: never a reply. */
  OWN_MESSAGE,
  /** Nothing could be read from the input; the reason is in the problems. */
  UNREADABLE;

  public boolean isBounce() {
    return this == BOUNCE_HARD || this == BOUNCE_SOFT;
  }
}
