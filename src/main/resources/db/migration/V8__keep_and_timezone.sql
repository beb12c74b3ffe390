-- Contacts the user marked to keep in touch with: the scheduler plans keep-in-touch notes for them
-- after any exchange, not only after an interview (docs/SCHEDULER.md).
ALTER TABLE contact ADD COLUMN keep_in_touch BOOLEAN NOT NULL DEFAULT FALSE;
-- The contact's own time zone (an IANA name such as Europe/Paris), when known: the outbox sends to
-- them inside pacing.window in their zone (docs/OUTBOX.md). NULL: the user's pacing.timezone.
ALTER TABLE contact ADD COLUMN timezone VARCHAR(64);
