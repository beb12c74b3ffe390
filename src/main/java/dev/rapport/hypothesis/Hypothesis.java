package dev.rapport.hypothesis;

import java.time.OffsetDateTime;

/** A career hypothesis the conversations test; resolved as validated or disproved with a note. */
public record Hypothesis(
    long id,
    String text,
    Status status,
    String note,
    OffsetDateTime createdAt,
    OffsetDateTime resolvedAt) {

  public enum Status {
    OPEN,
    VALIDATED,
    DISPROVED
  }
}
