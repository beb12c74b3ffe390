package dev.rapport;

/** A record the user named (a contact, a draft, a hypothesis) does not exist. */
public class NotFoundException extends RapportException {
  public NotFoundException(String message) {
    super(message);
  }
}
