package dev.rapport.suggest;

import java.util.List;

/**
 * The answer to "whom do I write to now?": the suggestions, and the room this week's goal leaves.
 * {@code remaining} is the weekly goal less the outreach sent since Monday and the outreach drafts
 * already waiting (to be reviewed, or approved and queued), never below zero.
 */
public record Suggestions(
    int weeklyGoal, int sentThisWeek, int waiting, int remaining, List<Suggestion> suggestions) {}
