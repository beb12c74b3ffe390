package dev.rapport;

/**
 * The root of every error rapport reports to a user. Its message is one or two plain sentences that
 * say what is wrong and where; the CLI prints it and exits 1.
 */
public class RapportException extends RuntimeException {
  public RapportException(String message) {
    super(message);
  }

  public RapportException(String message, Throwable cause) {
    super(message, cause);
  }
}
