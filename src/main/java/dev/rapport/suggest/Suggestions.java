package dev.rapport.suggest;

import java.util.List;

/**
 * The answer to "whom do I write to now?": the suggestions, and the room this week's goal leaves.
 * {@code remaining} is the weekly goal less the outreach sent since Monday and the outreach drafts
 * already waiting (to be reviewed, or approved and queued), never below zero. Fresh referrals are
 * suggested beyond it. {@code whyEmpty} says in a sentence why nobody is suggested (null when
 * someone is).
 */
public record Suggestions(
    int weeklyGoal,
    int sentThisWeek,
    int waiting,
    int remaining,
    List<Suggestion> suggestions,
    String whyEmpty) {

  public Suggestions(
      int weeklyGoal, int sentThisWeek, int waiting, int remaining, List<Suggestion> suggestions) {
    this(weeklyGoal, sentThisWeek, waiting, remaining, suggestions, null);
  }

  /** Some suggestions go beyond the week's room: fresh referrals, which are always listed. */
  public boolean beyondGoal() {
    return suggestions.size() > remaining;
  }
}
