package dev.rapport.draft;

import static dev.rapport.draft.DraftStatus.*;
import static dev.rapport.draft.DraftTransitions.guard;

import dev.rapport.contact.ContactService;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Link;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;

/**
 * The one writer of a draft's status, by the table in {@link DraftTransitions}, and of the events
 * that say so on the contact's timeline (each linked to its draft). Every write runs in the
 * caller's transaction and is conditional on the status it leaves ({@code WHERE status …}, built
 * from the table), so a stale writer — another process, an edit meanwhile — changes nothing: the
 * method returns false (or 0) and records no event. The outbox's own rule rides on it: a draft is
 * SENDING, committed, before its DATA goes to the server.
 */
public final class DraftLifecycle {
  // The guards, checked against the table once: a write the table refuses fails at class load.
  private static final String REVIEWABLE = guard(PENDING, PENDING, APPROVED);
  private static final String TO_APPROVED = guard(APPROVED, PENDING);
  private static final String TO_REJECTED = guard(REJECTED, PENDING, APPROVED);
  private static final String TO_CANCELLED = guard(CANCELLED, PENDING, APPROVED);
  private static final String QUEUED_TO_CANCELLED = guard(CANCELLED, APPROVED);
  private static final String TO_SENDING = guard(SENDING, APPROVED);
  private static final String UNSENDABLE_TO_FAILED = guard(FAILED, APPROVED);
  private static final String BY_HAND_TO_SENT = guard(SENT, PENDING, APPROVED);
  private static final String TO_SENT = guard(SENT, SENDING, UNCERTAIN);
  private static final String BACK_TO_APPROVED = guard(APPROVED, SENDING);
  private static final String TO_FAILED = guard(FAILED, APPROVED, SENDING);
  private static final String TO_UNCERTAIN = guard(UNCERTAIN, SENDING);
  private static final String RESEND_TO_APPROVED = guard(APPROVED, UNCERTAIN, FAILED);

  private final ContactService contacts;

  public DraftLifecycle(ContactService contacts) {
    this.contacts = contacts;
  }

  // --- review: the user's hand -------------------------------------------------------------

  /** PENDING → APPROVED; false when the draft was no longer PENDING. */
  boolean approve(Connection c, Draft d, Instant now) {
    return recorded(
        Sql.update(
                c,
                "UPDATE draft SET status = 'APPROVED', approved_at = ?, review_note = NULL, updated_at = ?"
                    + " WHERE id = ? AND "
                    + TO_APPROVED,
                now,
                now,
                d.id())
            == 1,
        c,
        d,
        EventType.DRAFT_APPROVED,
        "draft " + d.id() + " approved",
        null);
  }

  /** PENDING or APPROVED → REJECTED; false when it was neither. */
  boolean reject(Connection c, Draft d, Instant now) {
    return recorded(
        Sql.update(
                c,
                "UPDATE draft SET status = 'REJECTED', updated_at = ? WHERE id = ? AND "
                    + TO_REJECTED,
                now,
                d.id())
            == 1,
        c,
        d,
        EventType.DRAFT_REJECTED,
        "draft " + d.id() + " rejected (was " + d.status() + ")",
        null);
  }

  /**
   * Replaces what a PENDING or APPROVED draft says; an edited draft goes back to PENDING for
   * review. The caller records the edit.
   */
  void saveEdit(Connection c, long id, DraftContent content, Instant now) {
    Sql.update(
        c,
        "UPDATE draft SET to_address = ?, subject = ?, body = ?, status = 'PENDING', approved_at = NULL, updated_at = ?"
            + " WHERE id = ? AND "
            + REVIEWABLE,
        content.to(),
        content.subject(),
        content.body(),
        now,
        id);
  }

  /**
   * Points the contact's drafts that have not left yet at a corrected address; an approved one goes
   * back to PENDING, since it was approved for the old address. Returns how many changed.
   */
  int readdress(Connection c, long contactId, String to, Instant now) {
    return Sql.update(
        c,
        "UPDATE draft SET to_address = ?, status = 'PENDING', approved_at = NULL, updated_at = ?"
            + " WHERE contact_id = ? AND "
            + REVIEWABLE
            + " AND channel = 'EMAIL' AND to_address <> ?",
        to,
        now,
        contactId,
        to);
  }

  /**
   * Gives the contact's drafts that have not left yet their corrected name for the To header; an
   * approved one goes back to PENDING, since it was approved with the old one. Returns how many.
   */
  int rename(Connection c, long contactId, String toName, Instant now) {
    return Sql.update(
        c,
        "UPDATE draft SET to_name = ?, status = 'PENDING', approved_at = NULL, updated_at = ?"
            + " WHERE contact_id = ? AND "
            + REVIEWABLE
            + " AND (to_name IS NULL OR to_name <> ?)",
        toName,
        now,
        contactId,
        toName);
  }

  /**
   * A waiting draft follows its thread to the last message sent ({@code headers}); its subject too
   * unless the user {@code edited} it. An APPROVED one goes back to PENDING with {@code note} for
   * the review page; the move is an event.
   */
  void threadMoved(
      Connection c,
      long contactId,
      long id,
      DraftThreads.Headers headers,
      boolean edited,
      String note,
      Instant now) {
    int n =
        Sql.update(
            c,
            "UPDATE draft SET subject = ?, drafted_subject = CASE WHEN ? THEN drafted_subject ELSE ? END,"
                + " in_reply_to = ?, references_ids = ?, status = 'PENDING', approved_at = NULL,"
                + " review_note = ?, updated_at = ? WHERE id = ? AND "
                + REVIEWABLE,
            headers.subject(),
            edited,
            headers.subject(),
            headers.inReplyTo(),
            headers.references(),
            note,
            now,
            id);
    if (n == 1)
      contacts.record(
          c, contactId, EventType.DRAFT_THREAD_MOVED, "draft " + id + ": " + note, Link.draft(id));
  }

  // --- cancelled: overtaken before it left ---------------------------------------------------

  /**
   * PENDING or APPROVED → CANCELLED with {@code reason} kept on the draft and {@code event} on the
   * timeline; false (and no event) when it was neither.
   */
  public boolean cancel(
      Connection c, long contactId, long id, String reason, String event, Instant now) {
    return cancel(c, contactId, id, reason, event, now, TO_CANCELLED);
  }

  /**
   * APPROVED → CANCELLED: the outbox's last look before sending finds the draft overtaken; false
   * when it is no longer APPROVED.
   */
  public boolean cancelQueued(
      Connection c, long contactId, long id, String reason, String event, Instant now) {
    return cancel(c, contactId, id, reason, event, now, QUEUED_TO_CANCELLED);
  }

  private boolean cancel(
      Connection c,
      long contactId,
      long id,
      String reason,
      String event,
      Instant now,
      String guard) {
    int n =
        Sql.update(
            c,
            "UPDATE draft SET status = 'CANCELLED', reason = ?, updated_at = ? WHERE id = ? AND "
                + guard,
            reason,
            now,
            id);
    if (n == 1) contacts.record(c, contactId, EventType.DRAFT_CANCELLED, event, Link.draft(id));
    return n == 1;
  }

  // --- the outbox ----------------------------------------------------------------------------

  /**
   * APPROVED → SENDING, with the message's identity fixed before SMTP begins (its other headers
   * were fixed when it was drafted); false if the draft is no longer the one read ({@code seen}:
   * edited, rejected, taken). The caller commits before the SMTP exchange begins.
   */
  public boolean claim(Connection c, Draft seen, String messageId, Instant now, long pid) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'SENDING', message_id = ?,"
                + " attempts = attempts + 1, sending_at = ?, sending_pid = ?, updated_at = ?"
                + " WHERE id = ? AND "
                + TO_SENDING
                + " AND channel = 'EMAIL' AND updated_at = ?",
            messageId,
            now,
            pid,
            now,
            seen.id(),
            seen.updatedAt())
        == 1;
  }

  /**
   * APPROVED → FAILED for a draft that cannot become a safe message ({@code reason}), if it is
   * still the one read.
   */
  public boolean failUnsendable(Connection c, Draft seen, String reason, Instant now) {
    return recorded(
        Sql.update(
                c,
                "UPDATE draft SET status = 'FAILED', reason = ?, last_error = ?, updated_at = ?"
                    + " WHERE id = ? AND "
                    + UNSENDABLE_TO_FAILED
                    + " AND updated_at = ?",
                cut(reason),
                cut(reason),
                now,
                seen.id(),
                seen.updatedAt())
            == 1,
        c,
        seen,
        EventType.DRAFT_FAILED,
        "draft " + seen.id() + " FAILED, " + reason,
        null);
  }

  /**
   * PENDING or APPROVED → SENT for a draft off email that the user sent by hand ({@code how}, for
   * the timeline); false when it was in neither status, or goes by email (only the outbox sends
   * those).
   */
  public boolean sentByHand(Connection c, Draft d, String how, Instant now) {
    return recorded(
        Sql.update(
                c,
                "UPDATE draft SET status = 'SENT', sent_at = ?, approved_at = COALESCE(approved_at, ?),"
                    + " review_note = NULL, updated_at = ? WHERE id = ? AND "
                    + BY_HAND_TO_SENT
                    + " AND channel <> 'EMAIL'",
                now,
                now,
                now,
                d.id())
            == 1,
        c,
        d,
        EventType.DRAFT_SENT,
        d.kind() + " draft " + d.id() + " sent by hand on " + d.channel().label() + ", " + how,
        null);
  }

  /**
   * SENDING or UNCERTAIN → SENT at {@code at}, with what became of its Sent copy ({@code copy},
   * null when unknown); {@code how} and {@code detail} for the timeline.
   */
  public boolean sent(
      Connection c, Draft d, Instant at, String copy, String how, String detail, Instant now) {
    return recorded(
        Sql.update(
                c,
                "UPDATE draft SET status = 'SENT', sent_at = ?, sent_copy = COALESCE(?, sent_copy), last_error = NULL,"
                    + " next_attempt_at = NULL, updated_at = ? WHERE id = ? AND "
                    + TO_SENT,
                at,
                copy,
                now,
                d.id())
            == 1,
        c,
        d,
        EventType.DRAFT_SENT,
        d.kind() + " draft " + d.id() + " to " + d.to() + ": " + how,
        detail);
  }

  /**
   * SENDING → APPROVED again, not before {@code next}; {@code attempts} so far, for the timeline.
   */
  public boolean retry(
      Connection c, Draft d, int attempts, String error, Instant next, Instant now) {
    return recorded(
        Sql.update(
                c,
                "UPDATE draft SET status = 'APPROVED', last_error = ?, next_attempt_at = ?, sending_at = NULL, sending_pid = NULL,"
                    + " updated_at = ? WHERE id = ? AND "
                    + BACK_TO_APPROVED,
                cut(error),
                next,
                now,
                d.id())
            == 1,
        c,
        d,
        EventType.DRAFT_SEND_DEFERRED,
        "draft "
            + d.id()
            + " not sent (attempt "
            + attempts
            + "): "
            + error
            + "; next try after "
            + next,
        null);
  }

  /**
   * SENDING → APPROVED without spending an attempt (the claim counted one) and without an event:
   * the server could not be reached or refused the login, which says nothing about this draft.
   */
  public boolean release(Connection c, long id, String error, Instant now) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'APPROVED', attempts = GREATEST(attempts - 1, 0), last_error = ?,"
                + " sending_at = NULL, sending_pid = NULL, updated_at = ? WHERE id = ? AND "
                + BACK_TO_APPROVED,
            cut(error),
            now,
            id)
        == 1;
  }

  /** APPROVED or SENDING → FAILED, with the reason. */
  public boolean fail(Connection c, Draft d, String reason, Instant now) {
    return recorded(
        Sql.update(
                c,
                "UPDATE draft SET status = 'FAILED', reason = ?, last_error = ?, sending_pid = NULL, updated_at = ?"
                    + " WHERE id = ? AND "
                    + TO_FAILED,
                cut(reason),
                cut(reason),
                now,
                d.id())
            == 1,
        c,
        d,
        EventType.DRAFT_FAILED,
        "draft " + d.id() + " FAILED: " + reason,
        null);
  }

  /** SENDING → UNCERTAIN: the server did not confirm; the user decides. */
  public boolean uncertain(Connection c, Draft d, String reason, Instant now) {
    return recorded(
        Sql.update(
                c,
                "UPDATE draft SET status = 'UNCERTAIN', last_error = ?, sending_pid = NULL, updated_at = ? WHERE id = ? AND "
                    + TO_UNCERTAIN,
                cut(reason),
                now,
                d.id())
            == 1,
        c,
        d,
        EventType.DRAFT_UNCERTAIN,
        "draft "
            + d.id()
            + " UNCERTAIN: "
            + reason
            + "; decide with 'drafts resolve "
            + d.id()
            + " --sent' or '--resend'",
        null);
  }

  /**
   * UNCERTAIN or FAILED → APPROVED, with its Message-ID kept, for the user's {@code --resend}; the
   * user's decision is the caller's event.
   */
  public boolean resend(Connection c, long id, Instant now) {
    return Sql.update(
            c,
            "UPDATE draft SET status = 'APPROVED', attempts = 0, next_attempt_at = NULL, sending_at = NULL, approved_at = ?,"
                + " updated_at = ? WHERE id = ? AND "
                + RESEND_TO_APPROVED,
            now,
            now,
            id)
        == 1;
  }

  /**
   * {@code done}: the write changed the draft; then {@code event} goes on its contact's timeline.
   */
  private boolean recorded(
      boolean done, Connection c, Draft d, EventType type, String event, String detail) {
    if (done) contacts.record(c, d.contactId(), type, event, detail, Link.draft(d.id()));
    return done;
  }

  private static String cut(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
  }
}
