-- Keep in touch, and a contact's own time zone.
UPDATE contact SET keep_in_touch = TRUE, timezone = 'America/New_York' WHERE id = 1;
