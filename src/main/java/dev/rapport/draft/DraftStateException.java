package dev.rapport.draft;

import dev.rapport.RapportException;

/** A draft, or its contact, is not in a state that allows what was asked; nothing was changed. */
public final class DraftStateException extends RapportException {
  public DraftStateException(String message) {
    super(message);
  }
}
