package dev.rapport.mail;

import dev.rapport.RapportException;

/** The mail account cannot be used as configured: a password not found, a refused setting. */
public class MailException extends RapportException {
  public MailException(String message) {
    super(message);
  }

  public MailException(String message, Throwable cause) {
    super(message, cause);
  }
}
