package dev.rapport.contact;

import java.time.OffsetDateTime;

/** A person the user wants to talk to, and where the conversation with them stands. */
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
    Level level) {

  /** A contact with no career level recorded. */
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
        null);
  }

  /** The first word of the name, for a greeting. */
  public String firstName() {
    String trimmed = name.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}
