-- The outbox's columns: a draft that failed once and waits for its next attempt.
INSERT INTO draft (id, contact_id, kind, status, to_address, subject, body, template, created_at, updated_at, approved_at, attempts, next_attempt_at, last_error) VALUES
  (3, 1, 'FOLLOW_UP', 'APPROVED', 'Grace@Example.org', 'Re: A question about your work at Navy', 'Hi Grace, just a gentle nudge.', 'follow-up.ftl', TIMESTAMP WITH TIME ZONE '2025-01-13 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-13 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-13 09:05:00+00', 1, TIMESTAMP WITH TIME ZONE '2025-01-13 09:10:00+00', '451 try again later');
UPDATE draft SET sent_copy = 'COPIED', references_ids = '<1@rapport.test>' WHERE id = 1;
