-- The inbox watcher: how far each watched folder has been read, every incoming message it
-- processed (so that no message is handled twice, also when the server renumbers its UIDs),
-- and the day an auto-reply said nudges should wait for.

CREATE TABLE inbox_folder (
  folder       VARCHAR(500) PRIMARY KEY,              -- "<login>/<folder name>"
  uid_validity BIGINT       NOT NULL,
  last_uid     BIGINT       NOT NULL,                 -- every message up to this UID is processed
  scanned_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE inbox_message (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  message_key  VARCHAR(1000) NOT NULL,                -- the Message-ID, or "sha256:..." of the header when it has none
  folder       VARCHAR(500)  NOT NULL,
  uid_validity BIGINT        NOT NULL,
  uid          BIGINT        NOT NULL,
  contact_id   BIGINT        REFERENCES contact (id), -- null: it concerned no contact
  kind         VARCHAR(20),                           -- the classifier's verdict; null when not examined
  rule         VARCHAR(60),                           -- the classifier rule that decided
  matched_by   VARCHAR(40),                           -- in-reply-to | references | original-message-id | failed-recipient | sender
  message_id   VARCHAR(998),
  from_address VARCHAR(998),
  subject      VARCHAR(998),
  sent_at      TIMESTAMP WITH TIME ZONE,
  excerpt      VARCHAR(2000),
  processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT inbox_message_key_unique UNIQUE (message_key)
);
CREATE INDEX inbox_message_contact ON inbox_message (contact_id);
CREATE INDEX inbox_message_position ON inbox_message (folder, uid_validity, uid);

-- An auto-reply's return date: the scheduler sends no nudge to the contact before it.
ALTER TABLE contact ADD COLUMN nudge_not_before DATE;

CREATE INDEX draft_message_id ON draft (message_id);
