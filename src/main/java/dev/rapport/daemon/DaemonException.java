package dev.rapport.daemon;

import dev.rapport.RapportException;

/** A part of the daemon could not start. */
public class DaemonException extends RapportException {
  public DaemonException(String message, Throwable cause) {
    super(message, cause);
  }
}
