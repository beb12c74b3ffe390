package dev.rapport.store;

import dev.rapport.RapportException;

/** A backup could not be written, or a file could not be restored; nothing was changed. */
public class BackupException extends RapportException {
  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
