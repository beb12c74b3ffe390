package dev.rapport.draft;

import dev.rapport.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** What a draft is for; each kind has its template file, {@code templates/<file>.ftl}. */
public enum DraftKind {
  OUTREACH("outreach"),
  FOLLOW_UP("follow-up"),
  THANK_YOU("thank-you"),
  KEEP_IN_TOUCH("keep-in-touch"),
  REFERRAL_NUDGE("referral-nudge"),
  /** A reply confirming a booked interview, with its .ics attached. */
  CONFIRM("confirm");

  private final String file;

  DraftKind(String file) {
    this.file = file;
  }

  /** The template's base name, without variant or extension: {@code follow-up}. */
  public String templateBase() {
    return file;
  }

  /** Parses a kind as a user types it (any case, dashes for underscores). */
  public static DraftKind parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "\"" + text + "\" is not a kind of draft; expected one of " + Arrays.toString(values()));
    }
  }
}
