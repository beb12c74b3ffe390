package dev.rapport.employer;

import java.time.OffsetDateTime;

/**
 * A target employer ({@code method: two-hour}).
 *
 * @param motivation how much the user wants to work there: 3 a dream employer, 1 worth a look
 * @param posting a relevant job posting is open there
 */
public record Employer(
    long id, String name, int motivation, boolean posting, String note, OffsetDateTime createdAt) {}
