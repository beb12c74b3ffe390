-- People without an email address (issue 14): a contact is reached on a channel. EMAIL contacts are
-- written to by the outbox; LINKEDIN and PHONE contacts get short notes the user sends by hand and
-- marks sent ('drafts mark-sent'). An address is required only on the EMAIL channel.
ALTER TABLE contact ADD COLUMN channel VARCHAR(10) DEFAULT 'EMAIL' NOT NULL;
ALTER TABLE contact ADD CONSTRAINT contact_channel_known CHECK (channel IN ('EMAIL', 'LINKEDIN', 'PHONE'));
ALTER TABLE contact ADD COLUMN profile_url VARCHAR(500);
ALTER TABLE contact ADD COLUMN phone VARCHAR(50);
-- The "Connected On" date of a connections export.
ALTER TABLE contact ADD COLUMN connected_on DATE;
-- The unique constraint on email_key stays: H2 lets any number of rows hold NULL in it.
ALTER TABLE contact ALTER COLUMN email SET NULL;
ALTER TABLE contact ALTER COLUMN email_key SET NULL;
ALTER TABLE contact ADD CONSTRAINT contact_email_channel_has_address CHECK (channel <> 'EMAIL' OR email IS NOT NULL);
CREATE INDEX contact_profile_url ON contact (profile_url);

-- A draft's channel is decided when it is drafted: the outbox sends only EMAIL drafts; the others
-- have no address (to_address NULL) and are marked sent by hand.
ALTER TABLE draft ADD COLUMN channel VARCHAR(10) DEFAULT 'EMAIL' NOT NULL;
ALTER TABLE draft ALTER COLUMN to_address SET NULL;
