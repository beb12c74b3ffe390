-- Career levels.
UPDATE contact SET level = 'SENIOR' WHERE id = 1;
INSERT INTO contact (id, name, email, email_key, tier, stage, follow_ups, level, source, created_at, updated_at) VALUES
  (3, 'Alan Turing', 'alan@example.org', 'alan@example.org', 2, 'NEW', 0, 'EMERGING', 'contacts add', TIMESTAMP WITH TIME ZONE '2025-01-15 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-15 09:00:00+00');
