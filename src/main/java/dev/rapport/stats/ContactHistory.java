package dev.rapport.stats;

import dev.rapport.contact.Level;
import dev.rapport.contact.Stage;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the funnel needs to know of one contact: every stage it has ever been in (a contact who
 * replied and was later paused still replied), its first outreach and its first answer.
 */
final class ContactHistory {
  final long id;
  final int tier;
  final Level level;
  final Set<Stage> reached = EnumSet.noneOf(Stage.class);
  Instant outreachSentAt;
  String outreachTemplate;
  Instant firstAnswerAt;
  boolean thankYouSent;

  ContactHistory(long id, int tier, Stage stage, Level level) {
    this.id = id;
    this.tier = tier;
    this.level = level;
    reached.add(stage);
  }

  boolean reachedAny(Set<Stage> stages) {
    for (Stage s : stages) if (reached.contains(s)) return true;
    return false;
  }

  /** Keeps the earliest moment the contact answered. */
  void answeredAt(Instant at) {
    if (firstAnswerAt == null || at.isBefore(firstAnswerAt)) firstAnswerAt = at;
  }
}
