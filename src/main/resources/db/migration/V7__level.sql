-- Career level: early-career people know today's entry paths, senior people see where the field
-- is going; `next` mixes them and `stats` compares them. Optional.
ALTER TABLE contact ADD COLUMN level VARCHAR(10);
ALTER TABLE contact ADD CONSTRAINT contact_level_known CHECK (level IS NULL OR level IN ('EMERGING', 'MID', 'SENIOR'));
