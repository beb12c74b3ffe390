-- A timeline entry's technical particulars (Message-IDs, how a reply was matched, the server's
-- reply), kept apart from its sentence so the timeline speaks plainly and shows them on request
-- (contacts show --verbose, the dashboard's "details").
ALTER TABLE event ADD COLUMN technical VARCHAR(4000);
