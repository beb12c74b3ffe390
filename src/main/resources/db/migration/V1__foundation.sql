-- The foundation: hypotheses, contacts with their timeline, and drafts.
-- Times are TIMESTAMP WITH TIME ZONE, written in UTC.

CREATE TABLE hypothesis (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  text        VARCHAR(1000) NOT NULL,
  status      VARCHAR(20)   NOT NULL DEFAULT 'OPEN',   -- OPEN | VALIDATED | DISPROVED
  note        VARCHAR(4000),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE contact (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(200)  NOT NULL,
  email         VARCHAR(254)  NOT NULL,
  email_key     VARCHAR(254)  NOT NULL,               -- lower-cased: unique whatever the case
  company       VARCHAR(200),
  role          VARCHAR(200),
  tier          INT           NOT NULL DEFAULT 4,
  stage         VARCHAR(20)   NOT NULL DEFAULT 'NEW',
  follow_ups    INT           NOT NULL DEFAULT 0,
  referred_by   BIGINT        REFERENCES contact (id),
  hypothesis_id BIGINT        REFERENCES hypothesis (id),
  source        VARCHAR(200),                         -- how it came in: a command or an imported file
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT contact_email_unique UNIQUE (email_key),
  CONSTRAINT contact_tier_range CHECK (tier BETWEEN 1 AND 4)
);
CREATE INDEX contact_stage ON contact (stage);

CREATE TABLE event (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  contact_id BIGINT       NOT NULL REFERENCES contact (id),
  at         TIMESTAMP WITH TIME ZONE NOT NULL,
  type       VARCHAR(40)  NOT NULL,
  detail     VARCHAR(20000),
  link_type  VARCHAR(40),
  link_id    BIGINT
);
CREATE INDEX event_contact ON event (contact_id, at);

CREATE TABLE draft (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  contact_id  BIGINT        NOT NULL REFERENCES contact (id),
  kind        VARCHAR(20)   NOT NULL,
  status      VARCHAR(20)   NOT NULL,
  to_address  VARCHAR(254)  NOT NULL,
  subject     VARCHAR(998)  NOT NULL,
  body        CLOB          NOT NULL,
  template    VARCHAR(200),                           -- the file it was rendered from: the variant
  reason      VARCHAR(1000),                          -- why it exists, or why it failed
  message_id  VARCHAR(998),
  in_reply_to VARCHAR(998),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  approved_at TIMESTAMP WITH TIME ZONE,
  sent_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX draft_status ON draft (status);
CREATE INDEX draft_contact ON draft (contact_id);
