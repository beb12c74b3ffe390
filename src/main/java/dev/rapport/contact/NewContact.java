package dev.rapport.contact;

import dev.rapport.InvalidInputException;

/**
 * A contact as the user gives it, before it has an id. {@link #validated()} checks every field and
 * returns the cleaned copy, or refuses with the field's name and the reason.
 */
public record NewContact(
    String name,
    String email,
    String company,
    String role,
    Integer tier,
    Long referredBy,
    Long hypothesisId,
    String note,
    String source,
    Level level,
    boolean keepInTouch,
    String timezone) {

  /** A contact not marked to keep in touch with, in no time zone of its own. */
  public NewContact(
      String name,
      String email,
      String company,
      String role,
      Integer tier,
      Long referredBy,
      Long hypothesisId,
      String note,
      String source,
      Level level) {
    this(
        name,
        email,
        company,
        role,
        tier,
        referredBy,
        hypothesisId,
        note,
        source,
        level,
        false,
        null);
  }

  /** A contact with no career level given. */
  public NewContact(
      String name,
      String email,
      String company,
      String role,
      Integer tier,
      Long referredBy,
      Long hypothesisId,
      String note,
      String source) {
    this(name, email, company, role, tier, referredBy, hypothesisId, note, source, null);
  }

  /** The same contact with a career level. */
  public NewContact withLevel(Level level) {
    return new NewContact(
        name,
        email,
        company,
        role,
        tier,
        referredBy,
        hypothesisId,
        note,
        source,
        level,
        keepInTouch,
        timezone);
  }

  /** The same contact, marked (or not) to keep in touch with. */
  public NewContact withKeepInTouch(boolean keep) {
    return new NewContact(
        name,
        email,
        company,
        role,
        tier,
        referredBy,
        hypothesisId,
        note,
        source,
        level,
        keep,
        timezone);
  }

  /** The same contact in its own time zone (an IANA name such as Europe/Paris), or null. */
  public NewContact withTimezone(String zone) {
    return new NewContact(
        name,
        email,
        company,
        role,
        tier,
        referredBy,
        hypothesisId,
        note,
        source,
        level,
        keepInTouch,
        zone);
  }

  public static final int DEFAULT_TIER = 4;

  public NewContact validated() {
    String cleanName = field("name", name);
    if (cleanName == null || cleanName.isEmpty())
      throw new InvalidInputException("name: a name is required");
    if (cleanName.length() > 200)
      throw new InvalidInputException("name: longer than 200 characters");
    String cleanEmail;
    try {
      cleanEmail = EmailAddresses.normalize(email);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("email: " + e.getMessage());
    }
    String cleanCompany = limit("company", emptyToNull(field("company", company)), 200);
    String cleanRole = limit("role", emptyToNull(field("role", role)), 200);
    int cleanTier = tier == null ? DEFAULT_TIER : tier;
    if (cleanTier < 1 || cleanTier > 4) {
      throw new InvalidInputException(
          "tier: expected 1 (closest) to 4 (acquaintances), but found " + cleanTier);
    }
    String cleanNote = note == null || note.isBlank() ? null : note.strip();
    String cleanZone =
        timezone == null || timezone.isBlank() ? null : TimeZones.parse(timezone).getId();
    return new NewContact(
        cleanName,
        cleanEmail,
        cleanCompany,
        cleanRole,
        cleanTier,
        referredBy,
        hypothesisId,
        cleanNote,
        source,
        level,
        keepInTouch,
        cleanZone);
  }

  private static String field(String field, String value) {
    try {
      return HeaderText.require(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field + ": " + e.getMessage());
    }
  }

  private static String limit(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidInputException(field + ": longer than " + max + " characters");
    }
    return value;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
