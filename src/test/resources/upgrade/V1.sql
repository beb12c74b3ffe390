-- Rows a user of schema version 1 had: a hypothesis, contacts (one referred by another), their
-- timeline and drafts in several states.
INSERT INTO hypothesis (id, text, status, created_at) VALUES
  (1, 'Product management in health tech', 'OPEN', TIMESTAMP WITH TIME ZONE '2025-01-05 09:00:00+00');
INSERT INTO contact (id, name, email, email_key, company, role, tier, stage, follow_ups, hypothesis_id, source, created_at, updated_at) VALUES
  (1, 'Grace Hopper', 'Grace@Example.org', 'grace@example.org', 'Navy', 'Admiral', 1, 'CONTACTED', 0, 1, 'contacts add', TIMESTAMP WITH TIME ZONE '2025-01-05 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-06 09:00:00+00');
INSERT INTO contact (id, name, email, email_key, tier, stage, follow_ups, referred_by, source, created_at, updated_at) VALUES
  (2, 'Ada Lovelace', 'ada@example.org', 'ada@example.org', 3, 'NEW', 0, 1, 'Connections.csv', TIMESTAMP WITH TIME ZONE '2025-01-05 09:01:00+00', TIMESTAMP WITH TIME ZONE '2025-01-05 09:01:00+00');
INSERT INTO event (contact_id, at, type, detail, link_type, link_id) VALUES
  (1, TIMESTAMP WITH TIME ZONE '2025-01-05 09:00:00+00', 'CREATED', 'Added by hand', 'command:contacts add', NULL),
  (1, TIMESTAMP WITH TIME ZONE '2025-01-06 09:00:00+00', 'STAGE', 'NEW → CONTACTED', 'draft', 1),
  (2, TIMESTAMP WITH TIME ZONE '2025-01-05 09:01:00+00', 'IMPORTED', 'Imported from Connections.csv line 3', 'command:contacts import', NULL);
INSERT INTO draft (id, contact_id, kind, status, to_address, subject, body, template, message_id, created_at, updated_at, approved_at, sent_at) VALUES
  (1, 1, 'OUTREACH', 'SENT', 'Grace@Example.org', 'A question about your work at Navy', 'Hi Grace,

would you have 30 minutes?', 'outreach-tier1.ftl', '<1@rapport.test>', TIMESTAMP WITH TIME ZONE '2025-01-05 10:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-06 09:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-05 11:00:00+00', TIMESTAMP WITH TIME ZONE '2025-01-06 09:00:00+00');
INSERT INTO draft (id, contact_id, kind, status, to_address, subject, body, template, created_at, updated_at) VALUES
  (2, 2, 'OUTREACH', 'PENDING', 'ada@example.org', 'Grace suggested I get in touch', 'Hi Ada,

Grace Hopper suggested I reach out.', 'outreach-referred.ftl', TIMESTAMP WITH TIME ZONE '2025-01-05 10:01:00+00', TIMESTAMP WITH TIME ZONE '2025-01-05 10:01:00+00');
