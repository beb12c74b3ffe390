package dev.rapport.contact;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A person the user wants to talk to, and where the conversation with them stands.
 *
 * @param keepInTouch the user marked them to keep in touch with: keep-in-touch notes after any
 *     exchange, not only after an interview
 * @param timezone their own time zone when known (the outbox's sending window is in it), else null
 */
public record Contact(
    long id,
    String name,
    String email,
    String company,
    String role,
    int tier,
    Stage stage,
    int followUps,
    Long referredBy,
    Long hypothesisId,
    String source,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    Level level,
    boolean keepInTouch,
    ZoneId timezone) {

  /** A contact with no career level, not marked to keep in touch with, in no zone of its own. */
  public Contact(
      long id,
      String name,
      String email,
      String company,
      String role,
      int tier,
      Stage stage,
      int followUps,
      Long referredBy,
      Long hypothesisId,
      String source,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {
    this(
        id,
        name,
        email,
        company,
        role,
        tier,
        stage,
        followUps,
        referredBy,
        hypothesisId,
        source,
        createdAt,
        updatedAt,
        null,
        false,
        null);
  }

  /** The first word of the name, for a greeting. */
  public String firstName() {
    String trimmed = name.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}
