package dev.rapport.stats;

import static dev.rapport.contact.Stage.CONTACTED;
import static dev.rapport.contact.Stage.DECLINED;
import static dev.rapport.contact.Stage.FOLLOWED_UP;
import static dev.rapport.contact.Stage.INTERVIEWED;
import static dev.rapport.contact.Stage.KEEPING_IN_TOUCH;
import static dev.rapport.contact.Stage.NO_RESPONSE;
import static dev.rapport.contact.Stage.REPLIED;
import static dev.rapport.contact.Stage.SCHEDULED;
import static dev.rapport.contact.Stage.THANKED;

import dev.rapport.contact.Stage;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which contacts count at each step of the funnel. Each step counts what has ever happened, not the
 * stage a contact is in today, so the funnel never shrinks when someone is paused or moved on.
 */
final class StatsRules {
  /** Stages only a contact we wrote to can have been in. */
  private static final Set<Stage> AFTER_OUTREACH =
      EnumSet.of(
          CONTACTED,
          FOLLOWED_UP,
          REPLIED,
          SCHEDULED,
          INTERVIEWED,
          THANKED,
          KEEPING_IN_TOUCH,
          NO_RESPONSE,
          DECLINED);

  /** Stages only a contact who answered can have been in; a "no, thanks" is an answer too. */
  static final Set<Stage> ANSWERED =
      EnumSet.of(REPLIED, SCHEDULED, INTERVIEWED, THANKED, KEEPING_IN_TOUCH, DECLINED);

  private static final Set<Stage> AFTER_INTERVIEW =
      EnumSet.of(INTERVIEWED, THANKED, KEEPING_IN_TOUCH);
  private static final Set<Stage> AFTER_THANKS = EnumSet.of(THANKED, KEEPING_IN_TOUCH);
  private static final Set<Stage> NO = EnumSet.of(NO_RESPONSE, DECLINED);

  private StatsRules() {}

  static boolean contacted(ContactHistory h) {
    return h.outreachSentAt != null || h.reachedAny(AFTER_OUTREACH);
  }

  static boolean replied(ContactHistory h) {
    return h.firstAnswerAt != null || h.reachedAny(ANSWERED);
  }

  static boolean interviewed(ContactHistory h) {
    return h.reachedAny(AFTER_INTERVIEW);
  }

  static boolean thanked(ContactHistory h) {
    return h.thankYouSent || h.reachedAny(AFTER_THANKS);
  }

  /** A "no": nudges ran out, or the contact declined. */
  static boolean no(ContactHistory h) {
    return h.reachedAny(NO);
  }
}
