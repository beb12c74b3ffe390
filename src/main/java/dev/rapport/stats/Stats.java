package dev.rapport.stats;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * How the search is going: the funnel, who answers, and this week's pace. Field names are the JSON
 * keys of {@code stats --json}; see docs/STATS.md.
 */
public record Stats(
    OffsetDateTime at,
    Funnel funnel,
    Rate replyRate,
    List<TierRate> replyRateByTier,
    List<LevelRate> replyRateByLevel,
    List<TemplateRate> replyRateByTemplate,
    NoPerYes noPerYes,
    Double medianDaysToReply,
    Pace pace) {

  /** Contacts who ever reached each step; each step is a subset of the one before in practice. */
  public record Funnel(int contacts, int contacted, int replied, int interviewed, int thanked) {}

  /** Of the contacts written to, how many answered; {@code rate} is null when none was written. */
  public record Rate(int contacted, int replied, Double rate) {
    static Rate of(int contacted, int replied) {
      return new Rate(
          contacted, replied, contacted == 0 ? null : round(replied / (double) contacted));
    }
  }

  public record TierRate(int tier, int contacted, int replied, Double rate) {}

  /**
   * By career level; {@code level} is null for the contacts with none recorded. Empty when no
   * contacted contact has a level.
   */
  public record LevelRate(String level, int contacted, int replied, Double rate) {}

  /** By the template file the first outreach was rendered from: which wording works. */
  public record TemplateRate(String template, int contacted, int replied, Double rate) {}

  /** NO_RESPONSE and DECLINED contacts per interview; {@code ratio} is null before a first yes. */
  public record NoPerYes(int no, int yes, Double ratio) {
    static NoPerYes of(int no, int yes) {
      return new NoPerYes(no, yes, yes == 0 ? null : round(no / (double) yes));
    }
  }

  /**
   * New outreach this week (from Monday 00:00 in the user's timezone) against the weekly goal:
   * sent, and approved but still waiting to go out.
   */
  public record Pace(
      OffsetDateTime weekStart, int outreachSent, int outreachQueued, int weeklyGoal) {}

  static Double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
