package dev.rapport.contact;

import dev.rapport.InvalidInputException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a contact is in their career. Early-career people know today's entry paths; senior people
 * see where the field is going; talking to both gives the whole picture.
 */
public enum Level {
  EMERGING,
  MID,
  SENIOR;

  /** Words people put in a spreadsheet's level column, and the level each means. */
  private static final Map<String, Level> WORDS =
      Map.ofEntries(
          Map.entry("emerging", EMERGING),
          Map.entry("early", EMERGING),
          Map.entry("early career", EMERGING),
          Map.entry("early-career", EMERGING),
          Map.entry("entry", EMERGING),
          Map.entry("entry level", EMERGING),
          Map.entry("entry-level", EMERGING),
          Map.entry("junior", EMERGING),
          Map.entry("mid", MID),
          Map.entry("mid-level", MID),
          Map.entry("mid level", MID),
          Map.entry("mid-career", MID),
          Map.entry("mid career", MID),
          Map.entry("intermediate", MID),
          Map.entry("senior", SENIOR),
          Map.entry("lead", SENIOR),
          Map.entry("principal", SENIOR),
          Map.entry("executive", SENIOR));

  /** A level as a user types it, or a word a spreadsheet uses for it; blank means none. */
  public static Optional<Level> parse(String text) {
    if (text == null || text.isBlank()) return Optional.empty();
    Level level = WORDS.get(text.strip().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (level == null)
      throw new InvalidInputException(
          "level: \""
              + text.strip()
              + "\" is not a career level; expected EMERGING, MID or SENIOR");
    return Optional.of(level);
  }
}
