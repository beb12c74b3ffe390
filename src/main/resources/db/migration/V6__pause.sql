-- Pauses: the user's "hold every send and every new nudge" (pause / resume). One row per pause,
-- kept after it ends: nudge clocks move on by the time paused, so the history is needed.
CREATE TABLE pause (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  until_at   TIMESTAMP WITH TIME ZONE,            -- from --until: the pause ends by itself then
  note       VARCHAR(1000),
  ended_at   TIMESTAMP WITH TIME ZONE             -- set by resume; null while open
);
