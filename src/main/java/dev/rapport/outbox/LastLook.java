package dev.rapport.outbox;

import dev.rapport.contact.ContactService;
import dev.rapport.contact.Stage;
import dev.rapport.draft.DraftLifecycle;
import dev.rapport.draft.NudgeCancellation;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last look at a nudge just before it is sent, inside the transaction that claims it: a
 * follow-up to someone who answered meanwhile, or a referral nudge about an introduction that has
 * happened, is cancelled instead of sent.
 */
final class LastLook {
  private static final Logger log = LoggerFactory.getLogger(OutboxService.class);

  private final ContactService contacts;
  private final BooleanSupplier inboxRead;
  private final NudgeCancellation nudges = new NudgeCancellation();
  private final DraftLifecycle lifecycle;

  LastLook(ContactService contacts, BooleanSupplier inboxRead) {
    this.contacts = contacts;
    this.lifecycle = new DraftLifecycle(contacts);
    this.inboxRead = inboxRead;
  }

  /** False when the draft must not go now: held back, or cancelled here. */
  boolean stillWanted(Connection c, OutboxStore.Row r, Instant now) {
    return switch (r.kind()) {
      case FOLLOW_UP -> nudgeStillWanted(c, r, now);
      case REFERRAL_NUDGE -> referralNudgeStillWanted(c, r, now);
      case CONFIRM -> confirmStillWanted(c, r);
      default -> true;
    };
  }

  /**
   * A CONFIRM draft goes only while its interview is still booked: a cancelled or held one has
   * nothing left to confirm (a move re-drafts it, see draft/Confirmations). Held back, not
   * cancelled: the user sees it waiting and decides.
   */
  private static boolean confirmStillWanted(Connection c, OutboxStore.Row r) {
    return dev.rapport.store.Sql.count(
            c,
            "SELECT COUNT(*) FROM draft d JOIN interview i ON i.id = d.interview_id"
                + " WHERE d.id = ? AND i.status = 'SCHEDULED'",
            r.id())
        > 0;
  }

  /**
   * The last check before a nudge goes: the inbox read up to now, and the contact still waiting for
   * an answer. A nudge to someone who replied (or bounced, or was moved) meanwhile is cancelled.
   */
  private boolean nudgeStillWanted(Connection c, OutboxStore.Row r, Instant now) {
    if (!inboxRead.getAsBoolean()) {
      log.info("nudge draft {} waits until the inbox has been read", r.id());
      return false;
    }
    Stage stage = contacts.require(c, r.contactId()).stage();
    if (stage == Stage.CONTACTED || stage == Stage.FOLLOWED_UP) return true;
    String reason = "the contact is " + stage + " now";
    nudges.cancelAndRecord(c, contacts, r.contactId(), " before sending", reason, now);
    log.info("nudge draft {} cancelled before sending: {}", r.id(), reason);
    return false;
  }

  /**
   * The last check before a referral nudge goes: if the introduction it asks about has happened
   * meanwhile (the referred person was written to, or has moved on from NEW), it is cancelled. The
   * draft keeps the referral it asks about in {@code draft.referral_id}.
   */
  private boolean referralNudgeStillWanted(Connection c, OutboxStore.Row r, Instant now) {
    Optional<Long> referred =
        Sql.one(
            c,
            "SELECT ref.contact_id FROM draft d JOIN referral ref ON ref.id = d.referral_id"
                + " WHERE d.id = ?",
            rs -> rs.getLong(1),
            r.id());
    if (referred.isEmpty()) return true;
    long person = referred.get();
    boolean happened =
        contacts.require(c, person).stage() != Stage.NEW
            || Sql.count(
                    c,
                    "SELECT COUNT(*) FROM draft WHERE contact_id = ? AND status IN ('SENT', 'SENDING', 'UNCERTAIN')",
                    person)
                > 0;
    if (!happened) return true;
    lifecycle.cancelQueued(
        c,
        r.contactId(),
        r.id(),
        "the introduction happened before it was sent",
        "Referral nudge draft "
            + r.id()
            + " cancelled before sending: contact "
            + person
            + " has been introduced meanwhile",
        now);
    log.info("referral nudge {} cancelled before sending: the introduction happened", r.id());
    return false;
  }
}
