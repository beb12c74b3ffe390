package dev.rapport.contact;

/** What caused a stage move: a message sent or received, an interview, or the user's hand. */
public enum Trigger {
  OUTREACH_SENT,
  NUDGE_SENT,
  HUMAN_REPLY,
  NUDGES_EXHAUSTED,
  HARD_BOUNCE,
  COMPLAINT,
  INTERVIEW_SCHEDULED,
  INTERVIEW_CANCELLED,
  INTERVIEW_DONE,
  THANK_YOU_SENT,
  KEEP_IN_TOUCH_SENT,
  /** A BOUNCED contact's address corrected, and the user asked to start again. */
  ADDRESS_CORRECTED,
  MANUAL
}
