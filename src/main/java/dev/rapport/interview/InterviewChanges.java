package dev.rapport.interview;

import java.sql.Connection;

/**
 * What else must follow when a booked interview moves, is cancelled or is held, inside the same
 * transaction: a CONFIRM draft still waiting must never go out with a stale time.
 */
public interface InterviewChanges {
  InterviewChanges NONE =
      new InterviewChanges() {
        @Override
        public void moved(Connection c, Interview i) {}

        @Override
        public void cancelled(Connection c, Interview i) {}
      };

  /** {@code i} as it is now, after the move. */
  void moved(Connection c, Interview i);

  /** {@code i} as it is now, cancelled. */
  void cancelled(Connection c, Interview i);

  /** {@code i} as it is now, held: a confirmation of its time has nothing left to confirm. */
  default void held(Connection c, Interview i) {}
}
