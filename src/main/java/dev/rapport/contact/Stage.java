package dev.rapport.contact;

/** Where a contact stands in the conversation; see PRODUCT.md "Contact stages". */
public enum Stage {
  NEW,
  CONTACTED,
  FOLLOWED_UP,
  REPLIED,
  SCHEDULED,
  INTERVIEWED,
  THANKED,
  KEEPING_IN_TOUCH,
  NO_RESPONSE,
  DECLINED,
  BOUNCED,
  PAUSED;

  /** The stage in plain words for sentences: "Replied", "No response", "Keeping in touch". */
  public String word() {
    String lower = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** Parses a stage name as a user types it (any case, dashes for underscores). */
  public static Stage parse(String text) {
    String name = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new dev.rapport.InvalidInputException(
          "\""
              + text
              + "\" is not a stage; expected one of "
              + java.util.Arrays.toString(values()));
    }
  }
}
