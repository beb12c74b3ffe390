package dev.rapport.store;

import dev.rapport.RapportException;

/** The database could not be opened, migrated or written. */
public class StoreException extends RapportException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
