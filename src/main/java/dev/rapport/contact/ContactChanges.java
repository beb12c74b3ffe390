package dev.rapport.contact;

/**
 * What the user changes of a contact's details: each field null to leave it as it is. A blank
 * company or role (or profile URL, phone, address off email) clears it; {@code clearLevel} and
 * {@code clearHypothesis} take those away.
 */
public record ContactChanges(
    String name,
    String email,
    String company,
    String role,
    Integer tier,
    Level level,
    boolean clearLevel,
    Long hypothesisId,
    boolean clearHypothesis,
    Channel channel,
    String profileUrl,
    String phone) {

  /** Changes that leave the channel, profile URL and phone as they are. */
  public ContactChanges(
      String name,
      String email,
      String company,
      String role,
      Integer tier,
      Level level,
      boolean clearLevel,
      Long hypothesisId,
      boolean clearHypothesis) {
    this(
        name,
        email,
        company,
        role,
        tier,
        level,
        clearLevel,
        hypothesisId,
        clearHypothesis,
        null,
        null,
        null);
  }

  /** True when nothing at all is asked to change. */
  public boolean isEmpty() {
    return name == null
        && email == null
        && company == null
        && role == null
        && tier == null
        && level == null
        && !clearLevel
        && hypothesisId == null
        && !clearHypothesis
        && channel == null
        && profileUrl == null
        && phone == null;
  }
}
