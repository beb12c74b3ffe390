package dev.rapport.inbox.classify;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The day an auto-reply says its sender is back, and the words it was read from (for the timeline,
 * so the user can check it).
 */
public record ReturnDate(LocalDate date, String phrase) {
  public ReturnDate {
    Objects.requireNonNull(date, "date");
    phrase = phrase == null ? "" : phrase.strip();
  }
}
