package dev.rapport.contact;

/** The kinds of entry on a contact's timeline. */
public enum EventType {
  CREATED,
  IMPORTED,
  STAGE,
  // The user's marks on a contact:
  KEEP_IN_TOUCH_MARKED,
  TIMEZONE_SET,
  EDITED,
  NOTE,
  DRAFT_CREATED,
  DRAFT_EDITED,
  DRAFT_APPROVED,
  DRAFT_REJECTED,
  HYPOTHESIS_LINKED,
  DRAFT_SENT,
  DRAFT_SEND_DEFERRED,
  DRAFT_FAILED,
  DRAFT_UNCERTAIN,
  DRAFT_RESOLVED,
  // From the inbox watcher:
  REPLY_RECEIVED,
  AUTO_REPLY,
  BOUNCE,
  SOFT_BOUNCE,
  COMPLAINT,
  // Looked like a bounce or complaint but did not prove it concerns what rapport sent: no stage
  // moved.
  UNVERIFIED_REPORT,
  DRAFT_CANCELLED,
  /** A waiting draft moved to a newer message in the thread, back for review. */
  DRAFT_THREAD_MOVED,
  // Interviews:
  INTERVIEW_SCHEDULED,
  INTERVIEW_RESCHEDULED,
  INTERVIEW_CANCELLED,
  INTERVIEW_DONE,
  INTERVIEW_NOTES,
  REFERRAL,
  INTERVIEW_INVITATION,
  // Thank-you beyond email:
  CARD_REMINDER,
  CARD_SENT,
  // From the scheduler:
  REMINDER
}
