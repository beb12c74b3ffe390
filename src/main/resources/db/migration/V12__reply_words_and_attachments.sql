-- Replies you can read (issue 14): a reply's own words (quoted history and signature stripped)
-- and, when they read like a polite no, the phrase that says so, kept with the REPLY_RECEIVED
-- event. The phrase is only a suggestion shown for the user to confirm; nothing acts on it alone.
ALTER TABLE event ADD COLUMN excerpt VARCHAR(4000);
ALTER TABLE event ADD COLUMN decline_phrase VARCHAR(300);

-- Files a draft sends with it (the .ics of a CONFIRM draft), stored with the draft when it is
-- drafted so that what is reviewed is what is sent.
CREATE TABLE draft_attachment (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  draft_id     BIGINT        NOT NULL REFERENCES draft (id),
  filename     VARCHAR(200)  NOT NULL,
  content_type VARCHAR(200)  NOT NULL,
  content      BLOB          NOT NULL,
  summary      VARCHAR(1000),                       -- what it holds, for review: "VEVENT … at …"
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX draft_attachment_draft ON draft_attachment (draft_id);

-- A CONFIRM draft confirms one interview: rescheduling or cancelling it re-renders or cancels the
-- draft while it waits.
ALTER TABLE draft ADD COLUMN interview_id BIGINT REFERENCES interview (id);
