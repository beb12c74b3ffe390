package dev.rapport.contact;

import java.time.OffsetDateTime;

/**
 * One entry on a contact's timeline: when, what, a sentence of detail, and a link to what caused it
 * ({@code linkType} such as "draft" or "command", with {@code linkId} where it has one).
 */
public record Event(
    long id,
    long contactId,
    OffsetDateTime at,
    EventType type,
    String detail,
    String linkType,
    Long linkId) {}
