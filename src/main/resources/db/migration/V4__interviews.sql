-- Interviews: the question set, each interview with its time and place, what was learnt in it
-- (answers per question, free notes, the reflection) and the people it led to.
-- Times are TIMESTAMP WITH TIME ZONE, written in UTC; an interview also keeps the zone it was
-- given in.

-- The question set. A question's id never changes and is never reused: answers point at it,
-- whatever its place in the set. position is 1..10 while it is in the active set, NULL once
-- retired (answers to it are kept).
CREATE TABLE question (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  text       VARCHAR(500) NOT NULL,
  position   INT,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  retired_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT question_position_unique UNIQUE (position),
  CONSTRAINT question_position_range CHECK (position BETWEEN 1 AND 10)
);

INSERT INTO question (text, position, created_at) VALUES
  ('How did you get started in this work, and what did the path look like?', 1, CURRENT_TIMESTAMP),
  ('What is the most satisfying part of what you do?', 2, CURRENT_TIMESTAMP),
  ('What is the hardest or most frustrating part?', 3, CURRENT_TIMESTAMP),
  ('Which changes or trends do you see coming in your field?', 4, CURRENT_TIMESTAMP),
  ('What do employers here look for when they hire someone like me?', 5, CURRENT_TIMESTAMP),
  ('What education or training does this work really need?', 6, CURRENT_TIMESTAMP),
  ('What salary range is usual for a newcomer, and for someone experienced?', 7, CURRENT_TIMESTAMP),
  ('What advice would you give someone starting out in this field?', 8, CURRENT_TIMESTAMP),
  ('Who else would you suggest I talk to, and may I mention your name?', 9, CURRENT_TIMESTAMP);

CREATE TABLE interview (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  contact_id     BIGINT        NOT NULL REFERENCES contact (id),
  status         VARCHAR(20)   NOT NULL,              -- SCHEDULED | DONE | CANCELLED
  starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  zone           VARCHAR(64)   NOT NULL,              -- the zone or offset it was given in
  minutes        INT           NOT NULL,
  place          VARCHAR(500),
  source         VARCHAR(20)   NOT NULL,              -- COMMAND | INVITATION
  invitation_uid VARCHAR(1000),                       -- the UID of the calendar invitation it came from
  highlight      VARCHAR(2000),                       -- what to thank them for
  resonated      VARCHAR(20000),                      -- the reflection
  clashed        VARCHAR(20000),
  energy         INT,
  continue_path  BOOLEAN,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  done_at        TIMESTAMP WITH TIME ZONE,
  CONSTRAINT interview_minutes_range CHECK (minutes BETWEEN 5 AND 480),
  CONSTRAINT interview_energy_range CHECK (energy BETWEEN 1 AND 5)
);
CREATE INDEX interview_contact ON interview (contact_id, status);

-- Answers and free notes are only ever added: notes taken later never replace earlier ones.
CREATE TABLE interview_answer (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  interview_id BIGINT         NOT NULL REFERENCES interview (id),
  question_id  BIGINT         NOT NULL REFERENCES question (id),
  text         VARCHAR(20000) NOT NULL,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX interview_answer_question ON interview_answer (question_id, interview_id);

CREATE TABLE interview_note (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  interview_id BIGINT         NOT NULL REFERENCES interview (id),
  text         VARCHAR(20000) NOT NULL,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX interview_note_interview ON interview_note (interview_id);

-- Someone an interview recommended: the contact it became (or already was).
CREATE TABLE referral (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  interview_id         BIGINT  NOT NULL REFERENCES interview (id),
  contact_id           BIGINT  NOT NULL REFERENCES contact (id),
  context              VARCHAR(2000),
  introduction_offered BOOLEAN NOT NULL,
  created_contact      BOOLEAN NOT NULL,                -- false: the address was already a contact
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX referral_interview ON referral (interview_id);
