package dev.rapport.employer;

import dev.rapport.contact.Stage;
import java.time.Instant;

/**
 * A contact linked to an employer, with what the employer routines judge: when outreach went out,
 * when they first answered, and their interviews. Times are null when the thing never happened.
 *
 * @param firstSent the first OUTREACH sent to them
 * @param lastSent the latest OUTREACH sent to them
 * @param outreachOpen an OUTREACH draft to them waits (for review, or queued)
 * @param outreachDrafted an OUTREACH draft exists that was not cancelled and did not fail
 * @param firstReply the first human reply read from them (its Date, else when it was read)
 * @param interviews interviews booked or held with them (cancelled ones not counted)
 */
public record EmployerContact(
    long id,
    String name,
    String role,
    Stage stage,
    Long employerId,
    Instant firstSent,
    Instant lastSent,
    boolean outreachOpen,
    boolean outreachDrafted,
    Instant firstReply,
    int interviews) {

  /** Stages that say the contact answered and said yes, whatever the mail showed. */
  private static final java.util.Set<Stage> ANSWERED_YES =
      java.util.EnumSet.of(
          Stage.REPLIED, Stage.SCHEDULED, Stage.INTERVIEWED, Stage.THANKED, Stage.KEEPING_IN_TOUCH);

  /** They answered at all: a reply was read, or the stage says so (a "no" included). */
  public boolean replied() {
    return firstReply != null || ANSWERED_YES.contains(stage) || stage == Stage.DECLINED;
  }

  /** They answered and did not decline: an advocate inside the employer. */
  public boolean advocate() {
    return replied() && stage != Stage.DECLINED;
  }

  /** Written to and still waiting for a first answer. */
  public boolean awaitingReply() {
    return firstSent != null
        && !replied()
        && (stage == Stage.CONTACTED || stage == Stage.FOLLOWED_UP);
  }
}
