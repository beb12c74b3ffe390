-- What a draft sends is decided when it is drafted (docs/OUTBOX.md, "What you review is what is
-- sent"): its thread (in_reply_to, references_ids: columns from V1 and V2, until now filled at send
-- time) and the recipient's display name are stored with the draft; the outbox only sends them.
ALTER TABLE draft ADD COLUMN to_name VARCHAR(998);
-- The subject as rapport drafted it: when the thread moves on, a subject the user did not edit
-- (still equal to this) follows the new thread; an edited one is sent as edited.
ALTER TABLE draft ADD COLUMN drafted_subject VARCHAR(998);
-- Why a draft waits for review again (the thread moved on after it was drafted or approved);
-- cleared when it is approved.
ALTER TABLE draft ADD COLUMN review_note VARCHAR(1000);

UPDATE draft d SET to_name = (SELECT c.name FROM contact c WHERE c.id = d.contact_id)
  WHERE d.status IN ('PENDING', 'APPROVED');
UPDATE draft SET drafted_subject = subject WHERE status IN ('PENDING', 'APPROVED');
