package dev.rapport.contact;

import dev.rapport.InvalidInputException;
import java.time.LocalDate;

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
    String timezone,
    Channel channel,
    String profileUrl,
    String phone,
    LocalDate connectedOn) {

  public static final int MAX_PROFILE_URL = 500;
  public static final int MAX_PHONE = 50;

  /** A contact with no channel given (it follows from what is known), profile, phone or date. */
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
      Level level,
      boolean keepInTouch,
      String timezone) {
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
        keepInTouch,
        timezone,
        null,
        null,
        null,
        null);
  }

  /**
   * The same contact with how to reach them: a channel (null: EMAIL when there is an address, else
   * LINKEDIN when there is a profile, else PHONE when there is a number), a profile URL, a phone
   * number and the day they connected.
   */
  public NewContact withChannel(
      Channel channel, String profileUrl, String phone, LocalDate connectedOn) {
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
        timezone,
        channel,
        profileUrl,
        phone,
        connectedOn);
  }

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
        timezone,
        channel,
        profileUrl,
        phone,
        connectedOn);
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
        timezone,
        channel,
        profileUrl,
        phone,
        connectedOn);
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
        zone,
        channel,
        profileUrl,
        phone,
        connectedOn);
  }

  public static final int DEFAULT_TIER = 4;

  public NewContact validated() {
    String cleanName = field("name", name);
    if (cleanName == null || cleanName.isEmpty())
      throw new InvalidInputException("name: a name is required");
    if (cleanName.length() > 200)
      throw new InvalidInputException("name: longer than 200 characters");
    String cleanUrl = profileUrl(profileUrl);
    String cleanPhone = phone(phone);
    boolean noEmail = email == null || email.isBlank();
    Channel cleanChannel =
        channel != null
            ? channel
            : !noEmail
                ? Channel.EMAIL
                : cleanUrl != null
                    ? Channel.LINKEDIN
                    : cleanPhone != null ? Channel.PHONE : Channel.EMAIL;
    String cleanEmail = null;
    // An address is required to write by email; on another channel it is kept when given.
    if (!noEmail || cleanChannel == Channel.EMAIL) {
      try {
        cleanEmail = EmailAddresses.normalize(email);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("email: " + e.getMessage());
      }
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
        cleanZone,
        cleanChannel,
        cleanUrl,
        cleanPhone,
        connectedOn);
  }

  /** A web address of at most 500 characters, starting http:// or https://; blank is none. */
  private static String profileUrl(String url) {
    String clean = url == null ? null : emptyToNull(field("profile-url", url.strip()));
    if (clean == null) return null;
    String lower = clean.toLowerCase(java.util.Locale.ROOT);
    if (!(lower.startsWith("https://") || lower.startsWith("http://")) || clean.contains(" "))
      throw new InvalidInputException(
          "profile-url: expected a web address such as https://www.linkedin.com/in/name, but found \""
              + (clean.length() > 60 ? clean.substring(0, 57) + "..." : clean)
              + "\"");
    return limit("profile-url", clean, MAX_PROFILE_URL);
  }

  /** A phone number as written, with at least one digit; blank is none. */
  private static String phone(String number) {
    String clean = number == null ? null : emptyToNull(field("phone", number.strip()));
    if (clean == null) return null;
    if (!clean.matches(".*[0-9].*"))
      throw new InvalidInputException(
          "phone: expected a number such as +49 30 1234567, but found \"" + clean + "\"");
    return limit("phone", clean, MAX_PHONE);
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
