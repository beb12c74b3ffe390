-- Links in columns: a stage move with its stages, an event of an interview, a referral nudge
-- about its referral.
INSERT INTO event (contact_id, at, type, detail, link_type, link_id, from_stage, to_stage, interview_id) VALUES
  (1, TIMESTAMP WITH TIME ZONE '2025-01-20 09:00:00+00', 'STAGE', 'INTERVIEWED → THANKED (THANK_YOU_SENT): sent', 'draft', 4, 'INTERVIEWED', 'THANKED', NULL),
  (1, TIMESTAMP WITH TIME ZONE '2025-01-20 09:05:00+00', 'CARD_SENT', 'Handwritten card sent for interview 1', 'interview', 1, NULL, NULL, 1);
INSERT INTO draft (id, contact_id, kind, status, to_address, subject, body, template, created_at, updated_at, referral_id)
  SELECT 6, 1, 'REFERRAL_NUDGE', 'REJECTED', 'Grace@Example.org', 'Re: A question about your work at Navy', 'Hi Grace, a gentle reminder about Ada.', 'referral-nudge.ftl', TIMESTAMP WITH TIME ZONE '2025-01-21 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-21 09:00:00+00', id FROM referral WHERE contact_id = 2;
