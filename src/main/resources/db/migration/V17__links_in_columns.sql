-- Links between rows live in columns; an event's sentence is for people only. Until now the
-- scheduler, the statistics and the outbox read facts out of that sentence ("REPLIED →
-- INTERVIEWED (INTERVIEW_DONE)", "Referral nudge draft 12 about ..."), so rewording it would have
-- broken them silently. This stores those facts as columns and fills them for existing rows from
-- the sentences as every earlier version wrote them.

-- A STAGE event's move: from which stage to which.
ALTER TABLE event ADD COLUMN from_stage VARCHAR(20);
ALTER TABLE event ADD COLUMN to_stage VARCHAR(20);
-- The interview an event belongs to: its booking, move, cancellation, notes, prep reminders, the
-- calendar invitation that booked it, the referrals recorded in its notes.
ALTER TABLE event ADD COLUMN interview_id BIGINT REFERENCES interview (id);
-- The referral a REFERRAL_NUDGE draft asks about.
ALTER TABLE draft ADD COLUMN referral_id BIGINT REFERENCES referral (id);

-- The planner looks for the latest move into INTERVIEWED, over all contacts at once.
CREATE INDEX event_to_stage ON event (to_stage, contact_id);

-- Every stage move was written "FROM → TO", then " by hand: note" or " (TRIGGER): detail".
UPDATE event
SET from_stage = REGEXP_SUBSTR(detail, '^([A-Z_]+) → ([A-Z_]+)', 1, 1, '', 1),
    to_stage = REGEXP_SUBSTR(detail, '^([A-Z_]+) → ([A-Z_]+)', 1, 1, '', 2)
WHERE type = 'STAGE' AND REGEXP_LIKE(detail, '^[A-Z_]+ → [A-Z_]+');
-- Only names that are stages; a sentence that merely looked like a move keeps no columns.
UPDATE event SET from_stage = NULL, to_stage = NULL
WHERE type = 'STAGE' AND (from_stage NOT IN ('NEW', 'CONTACTED', 'FOLLOWED_UP', 'REPLIED',
    'SCHEDULED', 'INTERVIEWED', 'THANKED', 'KEEPING_IN_TOUCH', 'NO_RESPONSE', 'DECLINED',
    'BOUNCED', 'PAUSED')
  OR to_stage NOT IN ('NEW', 'CONTACTED', 'FOLLOWED_UP', 'REPLIED', 'SCHEDULED', 'INTERVIEWED',
    'THANKED', 'KEEPING_IN_TOUCH', 'NO_RESPONSE', 'DECLINED', 'BOUNCED', 'PAUSED'));

-- Events linked to an interview belong to it.
UPDATE event SET interview_id = link_id
WHERE link_type = 'interview' AND link_id IN (SELECT id FROM interview);
-- A calendar invitation named the interview it booked, matched or moved ("booked as interview 3",
-- "matches interview 3 on ...", "moved interview 3 on ... to ...").
UPDATE event e SET interview_id = CAST(REGEXP_SUBSTR(e.detail, ' interview ([0-9]+)', 1, 1, '', 1) AS BIGINT)
WHERE e.type = 'INTERVIEW_INVITATION' AND e.interview_id IS NULL
  AND EXISTS (SELECT 1 FROM interview i WHERE i.contact_id = e.contact_id
    AND CAST(i.id AS VARCHAR) = REGEXP_SUBSTR(e.detail, ' interview ([0-9]+)', 1, 1, '', 1));
-- The referred person's side of a referral in notes: "Recommended by X in interview 3 ...".
UPDATE event e SET interview_id = CAST(REGEXP_SUBSTR(e.detail, '^Recommended by .* in interview ([0-9]+)', 1, 1, '', 1) AS BIGINT)
WHERE e.type = 'REFERRAL' AND e.interview_id IS NULL
  AND EXISTS (SELECT 1 FROM interview i
    WHERE CAST(i.id AS VARCHAR) = REGEXP_SUBSTR(e.detail, '^Recommended by .* in interview ([0-9]+)', 1, 1, '', 1));
-- The interviewee's side, "Recommended NAME <address> ..." linked to the referred contact: the
-- latest interview of theirs whose notes recorded that person by then.
UPDATE event e SET interview_id = (
    SELECT MAX(r.interview_id) FROM referral r JOIN interview i ON i.id = r.interview_id
    WHERE i.contact_id = e.contact_id AND r.contact_id = e.link_id AND r.created_at <= e.at)
WHERE e.type = 'REFERRAL' AND e.interview_id IS NULL AND e.link_type = 'contact'
  AND e.detail LIKE 'Recommended %';

-- A referral nudge was named by the scheduler's REFERRAL event on the interviewee, linked to the
-- referral: "Referral nudge draft 12 about the introduction to ...".
UPDATE draft d SET referral_id = (
    SELECT MAX(e.link_id) FROM event e
    WHERE e.contact_id = d.contact_id AND e.type = 'REFERRAL' AND e.link_type = 'referral'
      AND REGEXP_SUBSTR(e.detail, '^Referral nudge draft ([0-9]+) ', 1, 1, '', 1) = CAST(d.id AS VARCHAR)
      AND e.link_id IN (SELECT id FROM referral))
WHERE d.kind = 'REFERRAL_NUDGE';
