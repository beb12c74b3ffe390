package dev.rapport.draft;

import dev.rapport.contact.ContactService;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which conversation a draft joins, decided when it is drafted and stored with it: every kind but
 * outreach goes out as a reply to the last message sent to the contact (its subject with one "Re:",
 * In-Reply-To and References, RFC 5322 §3.6.4). The outbox sends what is stored; when another
 * message goes to the contact first, {@link #follow} moves the waiting drafts to the new thread and
 * puts them back in front of the user, so a header never changes after it was reviewed.
 */
public final class DraftThreads {
  /** How many earlier Message-IDs a References header keeps (RFC 5322 §3.6.4 allows trimming). */
  private static final int MAX_REFERENCES = 10;

  private final DraftLifecycle lifecycle;

  public DraftThreads(ContactService contacts) {
    this.lifecycle = new DraftLifecycle(contacts);
  }

  /** The headers that place a message in a thread; {@code inReplyTo} null: it starts one. */
  public record Headers(String subject, String inReplyTo, String references) {}

  /** Our last message to a contact that went out: what a reply in the thread refers to. */
  public record Earlier(long draftId, String messageId, String subject, String references) {}

  /** The message a reply to this contact joins now, if anything has been sent to them. */
  public static Optional<Earlier> last(Connection c, long contactId) {
    return Sql.one(
        c,
        "SELECT id, message_id, subject, references_ids FROM draft WHERE contact_id = ? AND status = 'SENT'"
            + " AND message_id IS NOT NULL ORDER BY sent_at DESC, id DESC LIMIT 1",
        rs -> new Earlier(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        contactId);
  }

  /**
   * The headers of a new draft of {@code kind} whose template gave {@code subject}: outreach starts
   * a thread; any other kind replies to the last message sent, with "Re: " and that message's
   * subject unless the template already wrote a reply subject of its own.
   */
  public static Headers forNew(Connection c, long contactId, DraftKind kind, String subject) {
    if (!threaded(kind)) return new Headers(subject, null, null);
    return last(c, contactId)
        .map(e -> reply(e, ReplySubjects.isReply(subject) ? subject : null))
        .orElse(new Headers(subject, null, null));
  }

  /** Whether drafts of this kind go out as replies in the contact's thread. */
  public static boolean threaded(DraftKind kind) {
    return kind != DraftKind.OUTREACH;
  }

  /**
   * True when a draft still replies to the last message sent to its contact, as it did when it was
   * drafted (or last moved): what the user reviewed is what would be sent.
   */
  public static boolean current(Connection c, long contactId, DraftKind kind, String inReplyTo) {
    if (!threaded(kind)) return true;
    return Objects.equals(inReplyTo, last(c, contactId).map(Earlier::messageId).orElse(null));
  }

  /**
   * After a message went to the contact (or before one is sent, when the outbox finds a draft's
   * thread out of date): every waiting draft to them that no longer replies to the last message
   * sent is moved to it. Its In-Reply-To and References follow; its subject too if the user did not
   * edit it. An APPROVED one goes back to PENDING: it was approved with other headers. Each move is
   * an event and a note on the review page. Returns the drafts moved.
   */
  public List<Long> follow(Connection c, long contactId, Instant now) {
    Optional<Earlier> last = last(c, contactId);
    if (last.isEmpty()) return List.of();
    Earlier e = last.get();
    List<Long> moved = new ArrayList<>();
    for (Waiting w :
        Sql.list(
            c,
            "SELECT id, kind, status, subject, drafted_subject, in_reply_to FROM draft"
                + " WHERE contact_id = ? AND status IN ('PENDING', 'APPROVED') AND kind <> 'OUTREACH'"
                + " AND channel = 'EMAIL' AND (in_reply_to IS NULL OR in_reply_to <> ?) ORDER BY id FOR UPDATE",
            rs ->
                new Waiting(
                    rs.getLong(1),
                    DraftStatus.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5)),
            contactId,
            e.messageId())) {
      boolean edited = w.draftedSubject() == null || !w.draftedSubject().equals(w.subject());
      Headers h = reply(e, edited ? w.subject() : null);
      String note =
          "Draft "
              + e.draftId()
              + " went to them after this draft was made, so this one now replies to it"
              + (edited ? "" : " (subject \"" + h.subject() + "\")")
              + (w.status() == DraftStatus.APPROVED ? "; check it and approve it again." : ".");
      lifecycle.threadMoved(c, contactId, w.id(), h, edited, note, now);
      moved.add(w.id());
    }
    return moved;
  }

  private record Waiting(long id, DraftStatus status, String subject, String draftedSubject) {}

  /** A reply to {@code e}: {@code subject} as given, or (null) "Re: " and e's subject. */
  private static Headers reply(Earlier e, String subject) {
    return new Headers(
        subject != null ? subject : ReplySubjects.reply(e.subject()),
        e.messageId(),
        references(e.references(), e.messageId()));
  }

  /** The earlier message's References and its own Message-ID, trimmed to the first and last 9. */
  static String references(String earlierReferences, String earlierId) {
    List<String> all = new ArrayList<>();
    if (earlierReferences != null && !earlierReferences.isBlank())
      all.addAll(Arrays.asList(earlierReferences.strip().split("\\s+")));
    all.add(earlierId);
    if (all.size() <= MAX_REFERENCES) return String.join(" ", all);
    List<String> kept = new ArrayList<>(all.subList(0, 1));
    kept.addAll(all.subList(all.size() - (MAX_REFERENCES - 1), all.size()));
    return String.join(" ", kept);
  }
}
