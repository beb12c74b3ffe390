package dev.rapport.contact;

import java.time.OffsetDateTime;

/**
 * One entry on a contact's timeline: when, what, a sentence of detail, and a link to what caused it
 * ({@code linkType} such as "draft" or "command", with {@code linkId} where it has one). {@code
 * technical} holds what only a closer look needs (Message-IDs, the server's reply, how a reply was
 * matched), or null; the sentence stays plain. A reply also keeps its own words ({@code excerpt}:
 * quoted history and signature stripped) and, when they read like a polite no, the phrase that says
 * so ({@code declinePhrase}, a suggestion only).
 */
public record Event(
    long id,
    long contactId,
    OffsetDateTime at,
    EventType type,
    String detail,
    String linkType,
    Long linkId,
    String technical,
    String excerpt,
    String declinePhrase) {

  public Event(
      long id,
      long contactId,
      OffsetDateTime at,
      EventType type,
      String detail,
      String linkType,
      Long linkId) {
    this(id, contactId, at, type, detail, linkType, linkId, null, null, null);
  }
}
