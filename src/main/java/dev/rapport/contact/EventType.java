package dev.rapport.contact;

/** The kinds of entry on a contact's timeline. */
public enum EventType {
  CREATED,
  IMPORTED,
  STAGE,
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
  DRAFT_CANCELLED,
  // From the scheduler:
  REMINDER
}
