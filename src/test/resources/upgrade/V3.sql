-- The inbox: a folder read up to a UID, a reply it matched, and an auto-reply's return date.
INSERT INTO inbox_folder (folder, uid_validity, last_uid, scanned_at) VALUES
  ('me@example.org/INBOX', 42, 7, TIMESTAMP WITH TIME ZONE '2025-01-07 08:00:00+00');
INSERT INTO inbox_message (message_key, folder, uid_validity, uid, contact_id, kind, rule, matched_by, message_id, from_address, subject, sent_at, excerpt, processed_at) VALUES
  ('<reply-1@example.org>', 'me@example.org/INBOX', 42, 7, 1, 'HUMAN_REPLY', 'human-reply', 'in-reply-to', '<reply-1@example.org>', 'grace@example.org', 'Re: A question about your work at Navy', TIMESTAMP WITH TIME ZONE '2025-01-07 07:59:00+00', 'Happy to talk, how about Thursday?', TIMESTAMP WITH TIME ZONE '2025-01-07 08:00:00+00');
UPDATE contact SET nudge_not_before = DATE '2025-02-01' WHERE id = 2;
