package dev.rapport.suggest;

import java.time.OffsetDateTime;

/** Someone to write to now, and why them. */
public record Suggestion(
    long id,
    String name,
    String email,
    String company,
    String role,
    int tier,
    String level,
    Referrer referredBy,
    OffsetDateTime createdAt,
    String reason) {

  /** Who passed the contact on; the outreach can name them. */
  public record Referrer(long id, String name) {}
}
