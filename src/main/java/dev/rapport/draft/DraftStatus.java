package dev.rapport.draft;

import dev.rapport.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a draft stands: {@code PENDING} (awaiting review) → {@code APPROVED} (queued) → {@code
 * SENDING} → {@code SENT}; or {@code REJECTED}, {@code CANCELLED} (overtaken), {@code FAILED}
 * (permanent error), {@code UNCERTAIN} (the process died mid-send; the user decides).
 */
public enum DraftStatus {
  PENDING,
  APPROVED,
  SENDING,
  SENT,
  REJECTED,
  CANCELLED,
  FAILED,
  UNCERTAIN;

  /** The user may still change it: edit, approve, reject. */
  public boolean reviewable() {
    return this == PENDING || this == APPROVED;
  }

  /** Parses a status as a user types it (any case). */
  public static DraftStatus parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "\"" + text + "\" is not a draft status; expected one of " + Arrays.toString(values()));
    }
  }
}
