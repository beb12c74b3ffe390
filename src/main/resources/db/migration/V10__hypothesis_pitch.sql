-- A pitch per hypothesis: the line an outreach states about what the user is exploring, so a
-- contact linked to one hypothesis is never told the pitch of another (me.pitch is the fallback).
ALTER TABLE hypothesis ADD COLUMN pitch VARCHAR(1000);
