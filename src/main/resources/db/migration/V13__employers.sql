-- method: two-hour: target employers, and each contact linked to the employer they work at.
-- name_key is the name as contacts' companies are matched on it (trimmed, lower-cased, a legal
-- suffix such as Inc or GmbH dropped): unique, so "ACME Inc." and "Acme" are one employer.
CREATE TABLE employer (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(200)  NOT NULL,
  name_key    VARCHAR(200)  NOT NULL,
  motivation  INT           NOT NULL DEFAULT 2,       -- 3: a dream employer, 1: worth a look
  posting     BOOLEAN       NOT NULL DEFAULT FALSE,   -- a relevant job posting is open there
  note        VARCHAR(4000),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT employer_name_unique UNIQUE (name_key),
  CONSTRAINT employer_motivation_range CHECK (motivation BETWEEN 1 AND 3)
);

-- The link lives in a column, kept by rapport whenever an employer or a contact's company changes.
ALTER TABLE contact ADD COLUMN employer_id BIGINT REFERENCES employer (id);
CREATE INDEX contact_employer ON contact (employer_id);
