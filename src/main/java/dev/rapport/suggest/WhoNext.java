package dev.rapport.suggest;

import dev.rapport.InvalidInputException;
import dev.rapport.stats.Stats;
import dev.rapport.stats.StatsService;
import dev.rapport.store.Database;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggests whom to reach out to: people not written to yet, fresh referrals first (write while the
 * introduction is warm), then the closest tier (the practice starts with people you know), oldest
 * first within a tier but mixing career levels, and no more than the weekly goal still leaves this
 * week.
 */
public final class WhoNext {
  /** A referral counts as fresh this long after it was recorded. */
  static final Duration FRESH_REFERRAL = Duration.ofDays(14);

  private final Database db;
  private final Clock clock;
  private final StatsService stats;

  public WhoNext(Database db, Clock clock, StatsService stats) {
    this.db = db;
    this.clock = clock;
    this.stats = stats;
  }

  /**
   * Up to {@code count} suggestions (null: as many as the week leaves room for). Fresh referrals
   * are listed whatever the weekly goal: they are warm and the person who passed them on expects
   * it.
   */
  public Suggestions suggest(Integer count) {
    if (count != null && count < 1)
      throw new InvalidInputException("--count: expected 1 or more, but found " + count);
    Stats.Pace pace = stats.pace();
    return db.read(
        c -> {
          int pending = pendingOutreach(c);
          int waiting = pending + pace.outreachQueued();
          int remaining = Math.max(0, pace.weeklyGoal() - pace.outreachSent() - waiting);
          Instant freshSince = clock.instant().minus(FRESH_REFERRAL);
          List<Suggestion> ordered = candidates(c);
          List<Suggestion> chosen = new ArrayList<>();
          for (Suggestion s : ordered)
            if (chosen.size() < remaining || isFreshReferral(s, freshSince)) chosen.add(s);
          if (count != null && chosen.size() > count) chosen = chosen.subList(0, count);
          String whyEmpty =
              !chosen.isEmpty() ? null : ordered.isEmpty() ? nobodyLeft(c) : goalMet(pace, waiting);
          return new Suggestions(
              pace.weeklyGoal(), pace.outreachSent(), waiting, remaining, chosen, whyEmpty);
        });
  }

  /** Why nobody is suggested although the week has room: every NEW contact has outreach. */
  private static String nobodyLeft(Connection c) {
    long fresh = Sql.count(c, "SELECT COUNT(*) FROM contact WHERE stage = 'NEW'");
    long drafted =
        Sql.count(
            c,
            "SELECT COUNT(*) FROM contact c WHERE c.stage = 'NEW' AND EXISTS (SELECT 1 FROM draft d"
                + " WHERE d.contact_id = c.id AND d.kind = 'OUTREACH' AND d.status NOT IN ('CANCELLED', 'FAILED'))");
    long referrals =
        Sql.count(
            c,
            "SELECT COUNT(*) FROM contact c WHERE c.stage = 'NEW' AND c.referred_by IS NOT NULL AND EXISTS"
                + " (SELECT 1 FROM draft d WHERE d.contact_id = c.id AND d.kind = 'OUTREACH'"
                + " AND d.status NOT IN ('CANCELLED', 'FAILED'))");
    String why;
    if (fresh == 0) why = "0 contacts are NEW";
    else
      why =
          (drafted == 1 ? "the 1 NEW contact has" : "all " + drafted + " NEW contacts have")
              + " outreach drafted, queued or rejected"
              + (referrals == 0
                  ? ""
                  : " ("
                      + referrals
                      + (referrals == 1 ? " referral" : " referrals")
                      + " among them)");
    return "Nobody is left to write to: "
        + why
        + ". Add people with 'contacts add' or 'contacts import'.";
  }

  /** Why nobody is suggested although people are left: the week's goal is reached. */
  private static String goalMet(Stats.Pace pace, int waiting) {
    return "That is this week's goal of "
        + pace.weeklyGoal()
        + ": "
        + pace.outreachSent()
        + " outreach sent since Monday"
        + (waiting == 0 ? "" : ", " + waiting + " drafted or queued")
        + ". No more suggestions until Monday (or raise pacing.weekly_goal); fresh referrals still show here.";
  }

  private static int pendingOutreach(Connection c) {
    return (int)
        Sql.count(c, "SELECT COUNT(*) FROM draft WHERE kind = 'OUTREACH' AND status = 'PENDING'");
  }

  /**
   * Contacts in stage NEW with no outreach drafted, or only drafts that were cancelled or failed. A
   * rejected draft counts as the user's answer for that person: {@code outreach ID} still works.
   */
  private List<Suggestion> candidates(Connection c) {
    Instant now = clock.instant();
    Instant freshSince = now.minus(FRESH_REFERRAL);
    // Three plain reads put together here, not one query that joins the referrer and asks the
    // draft table about every row: for 5,000 NEW contacts H2 ran that subquery 5,000 times.
    Set<Long> drafted =
        new HashSet<>(
            Sql.list(
                c,
                "SELECT DISTINCT contact_id FROM draft WHERE kind = 'OUTREACH'"
                    + " AND status NOT IN ('CANCELLED', 'FAILED')",
                rs -> rs.getLong(1)));
    Map<Long, Suggestion.Referrer> referrers = new HashMap<>();
    for (Suggestion.Referrer r :
        Sql.list(
            c,
            "SELECT id, name FROM contact WHERE id IN"
                + " (SELECT referred_by FROM contact WHERE stage = 'NEW' AND referred_by IS NOT NULL)",
            rs -> new Suggestion.Referrer(rs.getLong(1), rs.getString(2))))
      referrers.put(r.id(), r);
    List<Suggestion> all =
        Sql.list(
            c,
            "SELECT id, name, email, company, role, tier, level, created_at, referred_by"
                + " FROM contact WHERE stage = 'NEW'",
            rs -> { // by position, as selected: a name is looked up per row
              Long referrerId = Sql.nullableLong(rs, 9);
              Suggestion.Referrer referrer = referrerId == null ? null : referrers.get(referrerId);
              OffsetDateTime created = Sql.time(rs, 8);
              int tier = rs.getInt(6);
              return new Suggestion(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  tier,
                  rs.getString(7),
                  referrer,
                  created,
                  reason(tier, referrer, created.toInstant(), now, freshSince));
            });
    List<Suggestion> ordered = new ArrayList<>(all.size());
    for (Suggestion s : all) if (!drafted.contains(s.id())) ordered.add(s);
    ordered.sort(order(freshSince));
    return LevelMix.mix(ordered, s -> group(s, freshSince));
  }

  /** Suggestions of one group are equally urgent, so their order may mix career levels. */
  private static String group(Suggestion s, Instant freshSince) {
    return isFreshReferral(s, freshSince) ? "fresh referral" : "tier " + s.tier();
  }

  /**
   * Fresh referrals first, the newest of them first; then by tier, the longest known first, and by
   * id. Written out rather than chained: it runs some 60,000 times for 5,000 candidates.
   */
  static Comparator<Suggestion> order(Instant freshSince) {
    return (a, b) -> {
      boolean freshA = isFreshReferral(a, freshSince);
      boolean freshB = isFreshReferral(b, freshSince);
      if (freshA != freshB) return freshA ? -1 : 1;
      int c =
          freshA ? Long.compare(b.createdAt().toEpochSecond(), a.createdAt().toEpochSecond()) : 0;
      if (c == 0) c = Integer.compare(a.tier(), b.tier());
      if (c == 0) c = a.createdAt().compareTo(b.createdAt());
      return c != 0 ? c : Long.compare(a.id(), b.id());
    };
  }

  static boolean isFreshReferral(Suggestion s, Instant freshSince) {
    return s.referredBy() != null && !s.createdAt().toInstant().isBefore(freshSince);
  }

  private static String reason(
      int tier, Suggestion.Referrer referrer, Instant created, Instant now, Instant freshSince) {
    if (referrer != null && !created.isBefore(freshSince)) {
      long days = Duration.between(created, now).toDays();
      return "referred by "
          + referrer.name()
          + (days == 0 ? " today" : days == 1 ? " yesterday" : " " + days + " days ago");
    }
    String closeness =
        switch (tier) {
          case 1 -> "tier 1: one of the people closest to you";
          case 2 -> "tier 2: someone you know well";
          case 3 -> "tier 3: someone you know";
          default -> "tier 4: an acquaintance";
        };
    return referrer == null ? closeness : closeness + ", referred by " + referrer.name();
  }
}
