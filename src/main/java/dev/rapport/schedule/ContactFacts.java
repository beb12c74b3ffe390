package dev.rapport.schedule;

import dev.rapport.contact.Stage;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the database says about one contact that decides its next action; read by {@link
 * FactsStore}, judged by {@link Planner}. Times are null when the thing never happened.
 *
 * @param lastNudgeableSend the latest SENT outreach or follow-up: the wait for a nudge runs from it
 * @param openNudge a FOLLOW_UP draft is waiting (pending, approved or on its way)
 * @param replyAfterLastSend a human reply was read after {@code lastNudgeableSend}
 * @param autoReplyAfterLastSend an auto-reply was read after {@code lastNudgeableSend}
 * @param nudgeNotBefore the return date an auto-reply gave, if any
 * @param interviewedAt when the contact last became INTERVIEWED
 * @param thankYouId the thank-you drafted since {@code interviewedAt}, or null
 * @param thankYouPending that thank-you still waits for the user's review
 * @param reminders reminders already given about that thank-you
 * @param lastReminderAt the latest of them
 * @param lastExchange the latest exchange: a message sent, a human reply, an interview, or a
 *     keep-in-touch draft the user rejected (which closes that round)
 * @param openKeepInTouch a KEEP_IN_TOUCH draft is waiting
 * @param referrals the introductions this contact offered in interview notes, oldest first
 * @param openReferralNudge a REFERRAL_NUDGE draft to this contact is waiting
 * @param interview the contact's SCHEDULED interview, or null
 * @param keepInTouch the user marked the contact to keep in touch with
 * @param everReplied a human reply from the contact was ever read
 * @param atEmployer the contact is linked to a target employer ({@code method: two-hour})
 */
public record ContactFacts(
    long contactId,
    Stage stage,
    int followUps,
    Instant lastNudgeableSend,
    boolean openNudge,
    boolean replyAfterLastSend,
    boolean autoReplyAfterLastSend,
    LocalDate nudgeNotBefore,
    Instant interviewedAt,
    Long thankYouId,
    boolean thankYouPending,
    int reminders,
    Instant lastReminderAt,
    Instant lastExchange,
    boolean openKeepInTouch,
    java.util.List<OfferedIntroduction> referrals,
    boolean openReferralNudge,
    UpcomingInterview interview,
    boolean keepInTouch,
    boolean everReplied,
    boolean atEmployer) {

  public ContactFacts {
    referrals = referrals == null ? java.util.List.of() : java.util.List.copyOf(referrals);
  }

  /**
   * An introduction the contact offered in an interview's notes (a {@code referral} row with {@code
   * introduction_offered}).
   *
   * @param recordedAt when the notes recording it were saved: the wait runs from it
   * @param introduced the referred person has been written to (a SENT draft) or is past NEW
   * @param nudged a REFERRAL_NUDGE was drafted about it, whatever became of that draft
   */
  public record OfferedIntroduction(
      long referralId,
      long referredId,
      String referredName,
      Instant recordedAt,
      boolean introduced,
      boolean nudged) {}

  /**
   * The contact's SCHEDULED interview.
   *
   * @param lastPrepAt when its latest prep reminder was recorded, or null: a reminder from before
   *     the interview was moved to another day does not count for the new day
   */
  public record UpcomingInterview(long id, Instant startsAt, Instant lastPrepAt) {}
}
