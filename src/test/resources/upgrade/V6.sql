-- A pause that has ended, and one still open.
INSERT INTO pause (started_at, until_at, note, ended_at) VALUES
  (TIMESTAMP WITH TIME ZONE '2025-01-10 09:00:00+00', NULL, 'moving house', TIMESTAMP WITH TIME ZONE '2025-01-12 09:00:00+00'),
  (TIMESTAMP WITH TIME ZONE '2025-01-20 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-27 09:00:00+00', 'holiday', NULL);
