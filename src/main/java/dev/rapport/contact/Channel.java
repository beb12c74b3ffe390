package dev.rapport.contact;

import dev.rapport.InvalidInputException;
import java.util.Locale;

/**
 * How the user reaches a contact. Only EMAIL goes through the outbox; a LINKEDIN or PHONE contact
 * gets a short note the user copies, sends by hand and then marks sent ({@code drafts mark-sent}).
 */
public enum Channel {
  EMAIL("email"),
  LINKEDIN("LinkedIn"),
  PHONE("phone");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  /** How a person names it in a sentence: "email", "LinkedIn", "phone". */
  public String label() {
    return label;
  }

  /** True when rapport does not send it: the user sends the note by hand and marks it sent. */
  public boolean byHand() {
    return this != EMAIL;
  }

  /** A channel as the user types it, in any case; null or blank is none. */
  public static Channel parse(String text) {
    if (text == null || text.isBlank()) return null;
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "channel: \"" + text.strip() + "\" is not a channel; expected email, linkedin or phone");
    }
  }
}
