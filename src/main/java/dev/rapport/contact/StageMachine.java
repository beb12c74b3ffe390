package dev.rapport.contact;

import static dev.rapport.contact.Stage.*;

import dev.rapport.InvalidInputException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides a contact's stage. Each automatic trigger moves a contact only from
 * the stages listed for it; from any other stage it leaves the stage alone (a reply from someone
 * already interviewed is an event, not a move). A user may move a contact by hand to any other
 * stage.
 */
public final class StageMachine {
  private record Rule(Set<Stage> from, Stage to) {}

  private static final Map<Trigger, Rule> RULES = new EnumMap<>(Trigger.class);

  static {
    rule(Trigger.OUTREACH_SENT, EnumSet.of(NEW), CONTACTED);
    rule(Trigger.NUDGE_SENT, EnumSet.of(CONTACTED, FOLLOWED_UP), FOLLOWED_UP);
    // A late answer after the nudges ran out is still an answer.
    rule(Trigger.HUMAN_REPLY, EnumSet.of(CONTACTED, FOLLOWED_UP, NO_RESPONSE), REPLIED);
    rule(Trigger.NUDGES_EXHAUSTED, EnumSet.of(CONTACTED, FOLLOWED_UP), NO_RESPONSE);
    rule(Trigger.HARD_BOUNCE, EnumSet.complementOf(EnumSet.of(NEW, BOUNCED)), BOUNCED);
    rule(Trigger.COMPLAINT, EnumSet.complementOf(EnumSet.of(PAUSED)), PAUSED);
    rule(
        Trigger.INTERVIEW_SCHEDULED,
        EnumSet.of(NEW, CONTACTED, FOLLOWED_UP, REPLIED, NO_RESPONSE),
        SCHEDULED);
    rule(Trigger.INTERVIEW_CANCELLED, EnumSet.of(SCHEDULED), REPLIED);
    rule(
        Trigger.INTERVIEW_DONE,
        EnumSet.of(NEW, CONTACTED, FOLLOWED_UP, REPLIED, SCHEDULED, NO_RESPONSE),
        INTERVIEWED);
    rule(Trigger.THANK_YOU_SENT, EnumSet.of(INTERVIEWED), THANKED);
    rule(Trigger.KEEP_IN_TOUCH_SENT, EnumSet.of(THANKED), KEEPING_IN_TOUCH);
    // The old address bounced; with a corrected one the conversation starts over.
    rule(Trigger.ADDRESS_CORRECTED, EnumSet.of(BOUNCED), NEW);
  }

  private static void rule(Trigger trigger, Set<Stage> from, Stage to) {
    RULES.put(trigger, new Rule(EnumSet.copyOf(from), to));
  }

  /** Where an automatic trigger takes a contact in stage {@code from}, or empty when it stays. */
  public Optional<Stage> next(Stage from, Trigger trigger) {
    if (trigger == Trigger.MANUAL) {
      throw new IllegalArgumentException("a manual move names its target: use manual(from, to)");
    }
    Rule rule = RULES.get(trigger);
    return rule.from().contains(from) ? Optional.of(rule.to()) : Optional.empty();
  }

  /** A move by the user's hand: any stage to any other. */
  public Stage manual(Stage from, Stage to) {
    if (from == to) {
      throw new InvalidInputException("The contact is already " + to + "; nothing to change.");
    }
    return to;
  }
}
