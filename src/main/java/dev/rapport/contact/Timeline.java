package dev.rapport.contact;

import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/** The event table: every change to a contact, in order. Events are only ever added. */
public final class Timeline {

  public long record(
      Connection c,
      long contactId,
      Instant at,
      EventType type,
      String detail,
      String linkType,
      Long linkId) {
    return record(c, contactId, at, type, detail, null, linkType, linkId);
  }

  /** With technical particulars kept apart from the sentence (see {@link Event#technical}). */
  public long record(
      Connection c,
      long contactId,
      Instant at,
      EventType type,
      String detail,
      String technical,
      String linkType,
      Long linkId) {
    return insert(
        c, contactId, at, type, detail, technical, linkType, linkId, interviewOf(linkType, linkId));
  }

  /**
   * An event that belongs to an interview it is not linked to: a referral recorded in its notes,
   * the calendar invitation that booked it. (An event linked to an interview belongs to it anyway.)
   */
  public long recordForInterview(
      Connection c,
      long contactId,
      Instant at,
      EventType type,
      String detail,
      Link link,
      long interviewId) {
    return insert(
        c,
        contactId,
        at,
        type,
        detail,
        null,
        link == null ? null : link.type(),
        link == null ? null : link.id(),
        interviewId);
  }

  /**
   * A stage move: the two stages in their own columns, which the scheduler and the statistics read;
   * {@code detail} is the sentence for people and may say anything.
   */
  public long recordStage(
      Connection c, long contactId, Instant at, Stage from, Stage to, String detail, Link link) {
    return Sql.insert(
        c,
        "INSERT INTO event (contact_id, at, type, detail, link_type, link_id, interview_id,"
            + " from_stage, to_stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        contactId,
        at,
        EventType.STAGE,
        detail,
        link.type(),
        link.id(),
        interviewOf(link.type(), link.id()),
        from,
        to);
  }

  private static long insert(
      Connection c,
      long contactId,
      Instant at,
      EventType type,
      String detail,
      String technical,
      String linkType,
      Long linkId,
      Long interviewId) {
    return Sql.insert(
        c,
        "INSERT INTO event (contact_id, at, type, detail, technical, link_type, link_id,"
            + " interview_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        contactId,
        at,
        type,
        detail,
        technical,
        linkType,
        linkId,
        interviewId);
  }

  /** An event linked to an interview belongs to it. */
  private static Long interviewOf(String linkType, Long linkId) {
    return "interview".equals(linkType) ? linkId : null;
  }

  /** A reply with its own words and, when they read like a no, the phrase that says so. */
  public long recordReply(
      Connection c,
      long contactId,
      Instant at,
      String detail,
      String technical,
      Link link,
      String excerpt,
      String declinePhrase) {
    return Sql.insert(
        c,
        "INSERT INTO event (contact_id, at, type, detail, technical, link_type, link_id, excerpt,"
            + " decline_phrase) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        contactId,
        at,
        EventType.REPLY_RECEIVED,
        detail,
        technical,
        link == null ? null : link.type(),
        link == null ? null : link.id(),
        cut(excerpt, 4000),
        cut(declinePhrase, 300));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** One event's contact and detail, for {@link #recordAll}. */
  public record Entry(long contactId, String detail) {}

  /** Adds an event of one type and time to each entry's contact, in one batch. */
  public void recordAll(Connection c, Instant at, EventType type, List<Entry> entries) {
    Sql.insertAll(
        c,
        "INSERT INTO event (contact_id, at, type, detail, link_type, link_id) VALUES (?, ?, ?, ?, NULL, NULL)",
        entries.stream().map(e -> new Object[] {e.contactId(), at, type, e.detail()}).toList());
  }

  public List<Event> of(Connection c, long contactId) {
    return Sql.list(
        c,
        "SELECT id, contact_id, at, type, detail, link_type, link_id, technical, excerpt,"
            + " decline_phrase FROM event WHERE contact_id = ? ORDER BY at, id",
        rs ->
            new Event(
                rs.getLong("id"),
                rs.getLong("contact_id"),
                Sql.time(rs, "at"),
                EventType.valueOf(rs.getString("type")),
                rs.getString("detail"),
                rs.getString("link_type"),
                Sql.nullableLong(rs, "link_id"),
                rs.getString("technical"),
                rs.getString("excerpt"),
                rs.getString("decline_phrase")),
        contactId);
  }

  /** The detail of the contact's latest event of {@code type}, if any. */
  public java.util.Optional<String> latest(Connection c, long contactId, EventType type) {
    return Sql.one(
        c,
        "SELECT detail FROM event WHERE contact_id = ? AND type = ? ORDER BY at DESC, id DESC LIMIT 1",
        rs -> rs.getString(1),
        contactId,
        type);
  }
}
