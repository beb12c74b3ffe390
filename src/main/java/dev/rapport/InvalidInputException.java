package dev.rapport;

/** Input from the user (a field, a file, an edit) was refused; nothing was changed. */
public class InvalidInputException extends RapportException {
  public InvalidInputException(String message) {
    super(message);
  }
}
