-- The outbox: what it needs to send each approved draft exactly once.
ALTER TABLE draft ADD COLUMN attempts INT NOT NULL DEFAULT 0;             -- SMTP attempts so far
ALTER TABLE draft ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;    -- after a transient failure: not before
ALTER TABLE draft ADD COLUMN last_error VARCHAR(1000);                    -- the last failure, as the server said it
ALTER TABLE draft ADD COLUMN sending_at TIMESTAMP WITH TIME ZONE;         -- when it became SENDING (counts for the daily cap)
ALTER TABLE draft ADD COLUMN sending_pid BIGINT;                          -- the process that made it SENDING
ALTER TABLE draft ADD COLUMN references_ids VARCHAR(4000);                -- the References header it went out with
ALTER TABLE draft ADD COLUMN sent_copy VARCHAR(20);                       -- COPIED | NOT_COPIED | NO_FOLDER | FAILED | OFF
