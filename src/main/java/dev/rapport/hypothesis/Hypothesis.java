package dev.rapport.hypothesis;

import java.time.OffsetDateTime;

/**
 * A career hypothesis the conversations test; resolved as validated or disproved with a note. Its
 * {@code pitch} (null when none) is what outreach to its contacts says the user is exploring, in
 * place of {@code me.pitch}.
 */
public record Hypothesis(
    long id,
    String text,
    Status status,
    String note,
    OffsetDateTime createdAt,
    OffsetDateTime resolvedAt,
    String pitch) {

  /** A hypothesis without a pitch of its own. */
  public Hypothesis(
      long id,
      String text,
      Status status,
      String note,
      OffsetDateTime createdAt,
      OffsetDateTime resolvedAt) {
    this(id, text, status, note, createdAt, resolvedAt, null);
  }

  public enum Status {
    OPEN,
    VALIDATED,
    DISPROVED
  }
}
