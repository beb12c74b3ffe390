package dev.rapport.schedule;

import dev.rapport.config.Config;
import dev.rapport.contact.Stage;
import dev.rapport.pause.Pause;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a contact's next action from its {@link ContactFacts} alone: no clock, no database, so
 * the same facts always give the same answer. That is what makes the schedule rebuildable and the
 * jobs idempotent: a job asks again, inside its transaction, whether its action is still due.
 */
public final class Planner {
  /** The prep reminder comes at the latest this long before the interview starts. */
  public static final Duration PREP_BEFORE = Duration.ofHours(2);

  /** Business days after the outreach before the 3B7 routine's follow-up to the first contact. */
  public static final int THREE_B_SEVEN_FOLLOW_UP = 7;

  /** Interviewees in these stages never get a referral nudge. */
  private static final Set<Stage> NO_REFERRAL_NUDGE =
      EnumSet.of(Stage.BOUNCED, Stage.PAUSED, Stage.DECLINED);

  private static final java.time.format.DateTimeFormatter STARTS =
      java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH);

  private final Config.Cadence cadence;
  private final ZoneId zone;
  private final LocalTime morning;
  private final DigestTime digestTime;
  private final boolean twoHour;

  /**
   * @param zone the user's time zone, where working days begin
   * @param morning when a working day begins for a postponed nudge (the sending window's start)
   * @param digestAt the digest's time of day: an interview's prep reminder comes then
   */
  public Planner(Config.Cadence cadence, ZoneId zone, LocalTime morning, LocalTime digestAt) {
    this(cadence, zone, morning, digestAt, false);
  }

  /**
   * @param twoHour {@code method: two-hour}: the first follow-up to a contact at a target employer
   *     comes 7 business days after the outreach (the 3B7 routine), not after {@code
   *     follow_up_after}
   */
  public Planner(
      Config.Cadence cadence, ZoneId zone, LocalTime morning, LocalTime digestAt, boolean twoHour) {
    this.cadence = cadence;
    this.zone = zone;
    this.morning = morning;
    this.digestTime = new DigestTime(digestAt, zone);
    this.twoHour = twoHour;
  }

  public Optional<NextAction> next(ContactFacts f) {
    return next(f, List.of());
  }

  /**
   * As {@link #next(ContactFacts)}, with the user's pauses: a nudge's wait moves on by the time
   * paused, so nobody gets a nudge the day after a long break. A pause still open (no end yet) is
   * not counted here: while it lasts, nudges are held, and resuming gives it its end.
   */
  public Optional<NextAction> next(ContactFacts f, List<Pause> pauses) {
    return all(f, pauses).stream().findFirst();
  }

  /**
   * Every action planned for the contact, soonest first: the one its stage calls for, plus an
   * interview's prep reminder and a referral nudge, which do not depend on the stage. {@link #next}
   * is the first of them.
   */
  public List<NextAction> all(ContactFacts f, List<Pause> pauses) {
    List<NextAction> all = new ArrayList<>();
    Optional<NextAction> byStage =
        switch (f.stage()) {
          case CONTACTED, FOLLOWED_UP -> nudge(f, pauses);
          case INTERVIEWED -> thankYou(f);
          case THANKED, KEEPING_IN_TOUCH -> keepInTouch(f);
          case REPLIED -> f.keepInTouch() ? keepInTouch(f) : Optional.empty();
          case NO_RESPONSE ->
              f.keepInTouch() && f.everReplied() ? keepInTouch(f) : Optional.empty();
          default -> Optional.empty();
        };
    byStage.ifPresent(all::add);
    prep(f).ifPresent(all::add);
    referralNudge(f).ifPresent(all::add);
    all.sort(Comparator.comparing(NextAction::at));
    return all;
  }

  /**
   * The introduction a referral nudge is (or would be) about: the oldest one offered that has not
   * happened and was not nudged yet; empty while a referral nudge waits for review, and for
   * interviewees who bounced, paused or declined.
   */
  static Optional<ContactFacts.OfferedIntroduction> introductionToNudge(ContactFacts f) {
    if (NO_REFERRAL_NUDGE.contains(f.stage()) || f.openReferralNudge()) return Optional.empty();
    return f.referrals().stream().filter(r -> !r.nudged() && !r.introduced()).findFirst();
  }

  /** A gentle REFERRAL_NUDGE {@code cadence.referral_nudge_after} after the notes offering it. */
  private Optional<NextAction> referralNudge(ContactFacts f) {
    return introductionToNudge(f)
        .map(
            r ->
                new NextAction(
                    f.contactId(),
                    Action.REFERRAL_NUDGE,
                    r.recordedAt().plus(cadence.referralNudgeAfter()),
                    "the introduction to "
                        + r.referredName()
                        + " offered in the interview notes has not happened after "
                        + dev.rapport.config.Durations.words(cadence.referralNudgeAfter())));
  }

  /**
   * The prep reminder on the morning of a scheduled interview: at the digest's time on its day, or
   * {@link #PREP_BEFORE} before it starts if that is earlier. Once per interview, and once more if
   * it is moved to a later moment after the reminder.
   */
  private Optional<NextAction> prep(ContactFacts f) {
    ContactFacts.UpcomingInterview i = f.interview();
    if (i == null) return Optional.empty();
    Instant morningOf = digestTime.on(i.startsAt().atZone(zone).toLocalDate());
    Instant at = earlier(morningOf, i.startsAt().minus(PREP_BEFORE));
    // A reminder is only ever given at or after its moment: one from before it was for an earlier
    // day, before the interview was moved.
    if (i.lastPrepAt() != null && !i.lastPrepAt().isBefore(at)) return Optional.empty();
    return Optional.of(
        new NextAction(
            f.contactId(),
            Action.INTERVIEW_PREP,
            at,
            "interview " + i.id() + " starts " + STARTS.format(i.startsAt().atZone(zone))));
  }

  /**
   * A nudge {@code follow_up_after} after the last message sent, or NO_RESPONSE once the nudges are
   * used up. Never while a nudge waits or after a reply. An auto-reply with a return date moves it
   * to the next working day after that date; one without moves it by {@code follow_up_after}.
   */
  private Optional<NextAction> nudge(ContactFacts f, List<Pause> pauses) {
    if (f.lastNudgeableSend() == null || f.openNudge() || f.replyAfterLastSend()) {
      return Optional.empty();
    }
    boolean threeBSeven = twoHour && f.atEmployer() && f.followUps() == 0;
    Instant base =
        threeBSeven
            ? WorkingDays.plus(f.lastNudgeableSend(), THREE_B_SEVEN_FOLLOW_UP, zone)
            : f.lastNudgeableSend().plus(cadence.followUpAfter());
    Instant due = afterPauses(f.lastNudgeableSend(), base, pauses);
    String why =
        (threeBSeven
                ? "no answer " + THREE_B_SEVEN_FOLLOW_UP + " business days after the outreach (3B7)"
                : "no answer "
                    + dev.rapport.config.Durations.words(cadence.followUpAfter())
                    + " after the last message")
            + (due.equals(base) ? "" : ", moved on by the time paused");
    LocalDate sentDay = f.lastNudgeableSend().atZone(zone).toLocalDate();
    if (f.nudgeNotBefore() != null && !f.nudgeNotBefore().isBefore(sentDay)) {
      Instant back = WorkingDays.after(f.nudgeNotBefore()).atTime(morning).atZone(zone).toInstant();
      if (back.isAfter(due)) {
        due = back;
        why = "an auto-reply said they are back on " + f.nudgeNotBefore();
      }
    } else if (f.autoReplyAfterLastSend()) {
      due = due.plus(cadence.followUpAfter());
      why =
          "an auto-reply gave no return date: waiting one more "
              + dev.rapport.config.Durations.words(cadence.followUpAfter());
    }
    Action action = f.followUps() >= cadence.maxFollowUps() ? Action.NO_RESPONSE : Action.FOLLOW_UP;
    return Optional.of(new NextAction(f.contactId(), action, due, why));
  }

  /**
   * A thank-you draft as soon as the interview is done; while it waits for review, a reminder
   * halfway to {@code thank_you_within}, one when it is due, then one every half of it until the
   * user sends or rejects it. Each reminder counts from the last, so a long stop gives one, not a
   * burst.
   */
  private Optional<NextAction> thankYou(ContactFacts f) {
    if (f.interviewedAt() == null) return Optional.empty();
    if (f.thankYouId() == null) {
      return Optional.of(
          new NextAction(
              f.contactId(), Action.THANK_YOU, f.interviewedAt(), "the interview is done"));
    }
    if (!f.thankYouPending()) return Optional.empty();
    Duration half = cadence.thankYouWithin().dividedBy(2);
    Instant deadline = f.interviewedAt().plus(cadence.thankYouWithin());
    Instant at =
        f.reminders() == 0
            ? f.interviewedAt().plus(half)
            : later(deadline, f.lastReminderAt().plus(half));
    return Optional.of(
        new NextAction(
            f.contactId(),
            Action.THANK_YOU_REMINDER,
            at,
            "thank-you draft "
                + f.thankYouId()
                + " is due by "
                + STARTS.format(deadline.atZone(zone))));
  }

  /**
   * A keep-in-touch draft at a moment inside the window after the last exchange: for every contact
   * interviewed and thanked, and for one the user marked to keep in touch with who has answered
   * (REPLIED, or NO_RESPONSE after an earlier reply) and has nothing else planned. A marked contact
   * in any other stage stays in its flow (nudges, an interview, the thank-you); a DECLINED, BOUNCED
   * or PAUSED one never gets one.
   */
  private Optional<NextAction> keepInTouch(ContactFacts f) {
    if (f.lastExchange() == null || f.openKeepInTouch()) return Optional.empty();
    Instant at =
        KeepInTouchMoment.after(
            f.contactId(), f.lastExchange(), cadence.keepInTouchMin(), cadence.keepInTouchMax());
    return Optional.of(
        new NextAction(
            f.contactId(), Action.KEEP_IN_TOUCH, at, "time for a note since the last exchange"));
  }

  /**
   * {@code base} moved on by the paused time between {@code from} and the moved moment: a pause
   * that the move itself runs into counts too, so it is worked out until it settles.
   */
  static Instant afterPauses(Instant from, Instant base, List<Pause> pauses) {
    Instant due = base;
    for (int round = 0; round < 10; round++) {
      Duration paused = Duration.ZERO;
      for (Pause p : pauses) if (p.end() != null) paused = paused.plus(p.overlap(from, due));
      Instant moved = base.plus(paused);
      if (moved.equals(due)) break;
      due = moved;
    }
    return due;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
