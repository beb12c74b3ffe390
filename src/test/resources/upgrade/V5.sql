-- The scheduler's own tables: a failed action waiting for its retry, and a day's digest.
INSERT INTO schedule_failure (action_key, contact_id, attempts, next_attempt_at, last_error, first_failed_at, last_failed_at) VALUES
  ('FOLLOW_UP:2', 2, 1, TIMESTAMP WITH TIME ZONE '2025-01-14 09:00:00+00', 'template error', TIMESTAMP WITH TIME ZONE '2025-01-13 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-13 09:00:00+00');
INSERT INTO digest (local_day, status, at, message_id, body) VALUES
  (DATE '2025-01-08', 'SENT', TIMESTAMP WITH TIME ZONE '2025-01-08 07:00:00+00', '<digest-1@rapport.test>', 'Good morning');
