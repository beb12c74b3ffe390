package dev.rapport.interview;

import dev.rapport.InvalidInputException;
import java.time.ZonedDateTime;

/** When and where an interview takes place, checked: 5 to 480 minutes, a place of one line. */
public record Slot(ZonedDateTime start, int minutes, String place) {
  public static final int DEFAULT_MINUTES = 30;

  public Slot {
    if (start == null) throw new InvalidInputException("--at: a start time is required.");
    if (minutes < 5 || minutes > 480) {
      throw new InvalidInputException(
          "--minutes: an interview lasts 5 to 480 minutes, not " + minutes + ".");
    }
    if (place != null) {
      place = place.strip().replaceAll("\\s+", " ");
      if (place.isEmpty()) place = null;
      else if (place.length() > 500)
        throw new InvalidInputException("--where: at most 500 characters.");
    }
  }

  String describe() {
    return InterviewTime.describe(start)
        + " for "
        + minutes
        + " minutes"
        + (place == null ? "" : " at " + place);
  }
}
