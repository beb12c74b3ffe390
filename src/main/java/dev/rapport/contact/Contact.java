package dev.rapport.contact;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A person the user wants to talk to, and where the conversation with them stands.
 *
 * @param keepInTouch the user marked them to keep in touch with: keep-in-touch notes after any
 *     exchange, not only after an interview
 * @param timezone their own time zone when known (the outbox's sending window is in it), else null
 * @param channel how the user reaches them; {@code email} may be null off {@link Channel#EMAIL}
 * @param profileUrl their professional-network profile, when known
 * @param phone their phone number as the user gave it, when known
 * @param connectedOn the day the user connected with them on the network, when known
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
    ZoneId timezone,
    Channel channel,
    String profileUrl,
    String phone,
    LocalDate connectedOn) {

  public Contact {
    if (channel == null) channel = Channel.EMAIL;
  }

  /** A contact on the email channel, with no profile, phone or connection date. */
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
      OffsetDateTime updatedAt,
      Level level,
      boolean keepInTouch,
      ZoneId timezone) {
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
        level,
        keepInTouch,
        timezone,
        Channel.EMAIL,
        null,
        null,
        null);
  }

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

  /** Where to find them off email, for a person: "LinkedIn, https://…" or "phone +49 …". */
  public String whereToReach() {
    return switch (channel) {
      case EMAIL -> email;
      case LINKEDIN -> "LinkedIn" + (profileUrl == null ? "" : ", " + profileUrl);
      case PHONE -> "phone" + (phone == null ? "" : " " + phone);
    };
  }

  /** The first word of the name, for a greeting. */
  public String firstName() {
    String trimmed = name.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}
