-- Interviews: one done, with an answer to the first default question, a note and a referral.
INSERT INTO interview (id, contact_id, status, starts_at, zone, minutes, place, source, highlight, resonated, clashed, energy, continue_path, created_at, updated_at, done_at) VALUES
  (1, 1, 'DONE', TIMESTAMP WITH TIME ZONE '2025-01-09 10:00:00+00', 'Europe/Berlin', 30, 'Video', 'COMMAND', 'the story of the first bug', 'Hands-on work', 'Long meetings', 4, TRUE, TIMESTAMP WITH TIME ZONE '2025-01-07 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-09 11:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-09 11:00:00+00');
INSERT INTO interview_answer (interview_id, question_id, text, recorded_at) VALUES
  (1, 1, 'Started as a mathematics teacher.', TIMESTAMP WITH TIME ZONE '2025-01-09 10:10:00+00');
INSERT INTO interview_note (interview_id, text, recorded_at) VALUES
  (1, 'Talk to Ada about analytical engines.', TIMESTAMP WITH TIME ZONE '2025-01-09 10:20:00+00');
INSERT INTO referral (interview_id, contact_id, context, introduction_offered, created_contact, created_at) VALUES
  (1, 2, 'knows the engines', TRUE, FALSE, TIMESTAMP WITH TIME ZONE '2025-01-09 10:30:00+00');
