package dev.rapport.employer;

import dev.rapport.schedule.WorkingDays;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Boosters, in the 2-Hour Job Search's word: people who answer the first outreach within 3 business
 * days. They tend to help; the others, mostly, will not. Judged from columns (when the first
 * outreach was sent, when the first human reply came), never from timeline text.
 */
public final class Boosters {
  /** Business days within which a first answer makes a booster. */
  public static final int WITHIN = 3;

  private Boosters() {}

  public static boolean isBooster(Instant firstSent, Instant firstReply, ZoneId zone) {
    if (firstSent == null || firstReply == null) return false;
    return !firstReply.isAfter(WorkingDays.plus(firstSent, WITHIN, zone));
  }

  public static boolean isBooster(EmployerContact c, ZoneId zone) {
    return isBooster(c.firstSent(), c.firstReply(), zone);
  }
}
