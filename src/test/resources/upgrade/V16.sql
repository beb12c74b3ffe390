-- Timeline sentences as versions up to 16 wrote them, from which V17 fills the link columns: stage
-- moves, an interview's events, a calendar invitation, both sides of a referral in interview notes,
-- and the scheduler's referral nudge (draft 5) with the event naming it.
INSERT INTO event (contact_id, at, type, detail, link_type, link_id) VALUES
  (1, TIMESTAMP WITH TIME ZONE '2025-01-07 08:00:00+00', 'STAGE', 'CONTACTED → REPLIED (HUMAN_REPLY): reply from grace@example.org', 'message', 1),
  (1, TIMESTAMP WITH TIME ZONE '2025-01-07 09:00:00+00', 'INTERVIEW_INVITATION', 'Calendar invitation for Thursday 9 January 2025, 11:00 (Europe/Berlin), 30 minutes: booked as interview 1', 'message', 1),
  (1, TIMESTAMP WITH TIME ZONE '2025-01-09 11:00:00+00', 'INTERVIEW_DONE', 'Interview 1 held', 'interview', 1),
  (1, TIMESTAMP WITH TIME ZONE '2025-01-09 11:00:00+00', 'STAGE', 'REPLIED → INTERVIEWED (INTERVIEW_DONE): Interview 1 held', 'interview', 1),
  (2, TIMESTAMP WITH TIME ZONE '2025-01-09 10:30:00+00', 'REFERRAL', 'Recommended by Grace Hopper in interview 1 (introduction offered): knows the engines', 'contact', 1),
  (1, TIMESTAMP WITH TIME ZONE '2025-01-09 10:30:00+00', 'REFERRAL', 'Recommended Ada Lovelace <ada@example.org> (introduction offered), already contact 2', 'contact', 2),
  (3, TIMESTAMP WITH TIME ZONE '2025-01-16 09:00:00+00', 'STAGE', 'NEW → SOMEWHERE by hand: a stage this build does not know', 'command:contacts stage', NULL),
  (3, TIMESTAMP WITH TIME ZONE '2025-01-16 09:01:00+00', 'STAGE', 'Moved by hand', 'command:contacts stage', NULL);
INSERT INTO draft (id, contact_id, kind, status, to_address, subject, body, template, reason, created_at, updated_at) VALUES
  (5, 1, 'REFERRAL_NUDGE', 'PENDING', 'Grace@Example.org', 'Re: A question about your work at Navy', 'Hi Grace, did you get a chance to introduce me to Ada?', 'referral-nudge.ftl', 'referral nudge: the introduction to Ada Lovelace was offered 5 days ago', TIMESTAMP WITH TIME ZONE '2025-01-14 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-14 09:00:00+00');
INSERT INTO event (contact_id, at, type, detail, link_type, link_id)
  SELECT 1, TIMESTAMP WITH TIME ZONE '2025-01-14 09:00:00+00', 'REFERRAL', 'Referral nudge draft 5 about the introduction to Ada Lovelace (contact 2)', 'referral', id FROM referral WHERE contact_id = 2;
