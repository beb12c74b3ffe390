package dev.rapport.stats;

import dev.rapport.contact.Level;
import dev.rapport.contact.Stage;
import dev.rapport.store.Database;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes {@link Stats} from what the database recorded: drafts, stages and replies. */
public final class StatsService {
  private final Database db;
  private final Clock clock;
  private final ZoneId zone;
  private final int weeklyGoal;

  public StatsService(Database db, Clock clock, ZoneId zone, int weeklyGoal) {
    this.db = db;
    this.clock = clock;
    this.zone = zone;
    this.weeklyGoal = weeklyGoal;
  }

  public Stats compute() {
    return db.read(
        c -> {
          Collection<ContactHistory> all = histories(c);
          return new Stats(
              OffsetDateTime.ofInstant(clock.instant(), zone),
              funnel(all),
              rate(all),
              byTier(all),
              byLevel(all),
              byTemplate(all),
              noPerYes(all),
              medianDaysToReply(all),
              pace(c));
        });
  }

  /** This week's outreach against the goal; the digest shows it too. */
  public Stats.Pace pace() {
    return db.read(this::pace);
  }

  /** New outreach sent in one week (from Monday 00:00 in the user's timezone). */
  public record Week(OffsetDateTime weekStart, int outreachSent) {}

  /**
   * Outreach sent in each of the last {@code weeks} weeks, oldest first, this week last: the pace
   * chart of the dashboard.
   */
  public List<Week> weekly(int weeks) {
    if (weeks < 1) throw new IllegalArgumentException("weeks must be at least 1");
    OffsetDateTime thisWeek = weekStart();
    OffsetDateTime first =
        thisWeek.atZoneSameInstant(zone).minusWeeks(weeks - 1L).toOffsetDateTime();
    List<Instant> sent =
        db.read(
            c ->
                Sql.list(
                    c,
                    "SELECT sent_at FROM draft WHERE kind = 'OUTREACH' AND status = 'SENT' AND sent_at >= ?",
                    rs -> Sql.time(rs, "sent_at").toInstant(),
                    first.toInstant()));
    List<Week> out = new ArrayList<>();
    for (int i = 0; i < weeks; i++) {
      OffsetDateTime start = first.atZoneSameInstant(zone).plusWeeks(i).toOffsetDateTime();
      OffsetDateTime end = start.atZoneSameInstant(zone).plusWeeks(1).toOffsetDateTime();
      int n =
          (int)
              sent.stream()
                  .filter(t -> !t.isBefore(start.toInstant()) && t.isBefore(end.toInstant()))
                  .count();
      out.add(new Week(start, n));
    }
    return out;
  }

  private OffsetDateTime weekStart() {
    return clock
        .instant()
        .atZone(zone)
        .toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .atStartOfDay(zone)
        .toOffsetDateTime();
  }

  private Map<Long, ContactHistory> load(Connection c) {
    Map<Long, ContactHistory> byId = new LinkedHashMap<>();
    for (ContactHistory h :
        Sql.list(
            c,
            "SELECT id, tier, stage, level FROM contact ORDER BY id",
            rs ->
                new ContactHistory(
                    rs.getLong(1),
                    rs.getInt(2),
                    Stage.valueOf(rs.getString(3)),
                    rs.getString(4) == null ? null : Level.valueOf(rs.getString(4)))))
      byId.put(h.id, h);
    return byId;
  }

  private Collection<ContactHistory> histories(Connection c) {
    Map<Long, ContactHistory> byId = load(c);
    // Every stage a contact reached, from the move's own column (its sentence is for people).
    Sql.list(
            c,
            "SELECT contact_id, at, to_stage FROM event WHERE type = 'STAGE' AND to_stage IS NOT NULL",
            rs -> new Object[] {rs.getLong(1), Sql.time(rs, "at").toInstant(), rs.getString(3)})
        .forEach(
            row -> {
              ContactHistory h = byId.get((Long) row[0]);
              if (h == null) return;
              Stage target = parseStage((String) row[2]);
              if (target == null) return;
              h.reached.add(target);
              if (StatsRules.ANSWERED.contains(target)) h.answeredAt((Instant) row[1]);
            });
    Sql.list(
            c,
            "SELECT contact_id, MIN(at) AS first_at FROM event WHERE type = 'REPLY_RECEIVED' GROUP BY contact_id",
            rs -> new Object[] {rs.getLong(1), Sql.time(rs, "first_at").toInstant()})
        .forEach(
            row -> {
              ContactHistory h = byId.get((Long) row[0]);
              if (h != null) h.answeredAt((Instant) row[1]);
            });
    Sql.list(
            c,
            "SELECT contact_id, sent_at, template FROM draft"
                + " WHERE kind = 'OUTREACH' AND status = 'SENT' AND sent_at IS NOT NULL"
                + " ORDER BY sent_at DESC",
            rs ->
                new Object[] {rs.getLong(1), Sql.time(rs, "sent_at").toInstant(), rs.getString(3)})
        .forEach(
            row -> {
              // Newest first, so the first outreach is the one left standing.
              ContactHistory h = byId.get((Long) row[0]);
              if (h == null) return;
              h.outreachSentAt = (Instant) row[1];
              h.outreachTemplate = (String) row[2];
            });
    Sql.list(
            c,
            "SELECT DISTINCT contact_id FROM draft WHERE kind = 'THANK_YOU' AND status = 'SENT'",
            rs -> rs.getLong(1))
        .forEach(
            id -> {
              ContactHistory h = byId.get(id);
              if (h != null) h.thankYouSent = true;
            });
    return byId.values();
  }

  private static Stage parseStage(String name) {
    try {
      return Stage.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Stats.Funnel funnel(Collection<ContactHistory> all) {
    int contacted = 0, replied = 0, interviewed = 0, thanked = 0;
    for (ContactHistory h : all) {
      if (StatsRules.contacted(h)) contacted++;
      if (StatsRules.replied(h)) replied++;
      if (StatsRules.interviewed(h)) interviewed++;
      if (StatsRules.thanked(h)) thanked++;
    }
    return new Stats.Funnel(all.size(), contacted, replied, interviewed, thanked);
  }

  private static Stats.Rate rate(Collection<ContactHistory> all) {
    int contacted = 0, replied = 0;
    for (ContactHistory h : all) {
      if (!StatsRules.contacted(h)) continue;
      contacted++;
      if (StatsRules.replied(h)) replied++;
    }
    return Stats.Rate.of(contacted, replied);
  }

  private static List<Stats.TierRate> byTier(Collection<ContactHistory> all) {
    Map<Integer, int[]> counts = new TreeMap<>();
    for (ContactHistory h : all) {
      if (!StatsRules.contacted(h)) continue;
      int[] n = counts.computeIfAbsent(h.tier, t -> new int[2]);
      n[0]++;
      if (StatsRules.replied(h)) n[1]++;
    }
    List<Stats.TierRate> out = new ArrayList<>();
    counts.forEach(
        (tier, n) -> {
          Stats.Rate r = Stats.Rate.of(n[0], n[1]);
          out.add(new Stats.TierRate(tier, r.contacted(), r.replied(), r.rate()));
        });
    return out;
  }

  /** By career level, EMERGING to SENIOR, then contacts with no level recorded. */
  private static List<Stats.LevelRate> byLevel(Collection<ContactHistory> all) {
    Map<Level, int[]> counts = new EnumMap<>(Level.class);
    int[] none = new int[2];
    for (ContactHistory h : all) {
      if (!StatsRules.contacted(h)) continue;
      int[] n = h.level == null ? none : counts.computeIfAbsent(h.level, l -> new int[2]);
      n[0]++;
      if (StatsRules.replied(h)) n[1]++;
    }
    List<Stats.LevelRate> out = new ArrayList<>();
    counts.forEach(
        (level, n) -> {
          Stats.Rate r = Stats.Rate.of(n[0], n[1]);
          out.add(new Stats.LevelRate(level.name(), r.contacted(), r.replied(), r.rate()));
        });
    if (none[0] > 0 && !counts.isEmpty()) {
      Stats.Rate r = Stats.Rate.of(none[0], none[1]);
      out.add(new Stats.LevelRate(null, r.contacted(), r.replied(), r.rate()));
    }
    return out;
  }

  /** Only contacts whose outreach rapport sent: a hand-moved contact has no template to credit. */
  private static List<Stats.TemplateRate> byTemplate(Collection<ContactHistory> all) {
    Map<String, int[]> counts = new TreeMap<>();
    for (ContactHistory h : all) {
      if (h.outreachSentAt == null) continue;
      String template = h.outreachTemplate == null ? "(unknown)" : h.outreachTemplate;
      int[] n = counts.computeIfAbsent(template, t -> new int[2]);
      n[0]++;
      if (StatsRules.replied(h)) n[1]++;
    }
    List<Stats.TemplateRate> out = new ArrayList<>();
    counts.forEach(
        (template, n) -> {
          Stats.Rate r = Stats.Rate.of(n[0], n[1]);
          out.add(new Stats.TemplateRate(template, r.contacted(), r.replied(), r.rate()));
        });
    return out;
  }

  private static Stats.NoPerYes noPerYes(Collection<ContactHistory> all) {
    int no = 0, yes = 0;
    for (ContactHistory h : all) {
      if (StatsRules.no(h)) no++;
      if (StatsRules.interviewed(h)) yes++;
    }
    return Stats.NoPerYes.of(no, yes);
  }

  /** Days from the first outreach sent to the first answer after it; null when none answered. */
  private static Double medianDaysToReply(Collection<ContactHistory> all) {
    List<Double> days = new ArrayList<>();
    for (ContactHistory h : all) {
      if (h.outreachSentAt == null || h.firstAnswerAt == null) continue;
      if (h.firstAnswerAt.isBefore(h.outreachSentAt)) continue;
      days.add(Duration.between(h.outreachSentAt, h.firstAnswerAt).toSeconds() / 86_400.0);
    }
    if (days.isEmpty()) return null;
    days.sort(null);
    int mid = days.size() / 2;
    double median = days.size() % 2 == 1 ? days.get(mid) : (days.get(mid - 1) + days.get(mid)) / 2;
    return Math.round(median * 10) / 10.0;
  }

  private Stats.Pace pace(Connection c) {
    OffsetDateTime weekStart = weekStart();
    long sent =
        Sql.count(
            c,
            "SELECT COUNT(*) FROM draft WHERE kind = 'OUTREACH' AND status = 'SENT' AND sent_at >= ?",
            weekStart.toInstant());
    long queued =
        Sql.count(
            c,
            "SELECT COUNT(*) FROM draft WHERE kind = 'OUTREACH' AND status IN ('APPROVED', 'SENDING')");
    return new Stats.Pace(weekStart, (int) sent, (int) queued, weeklyGoal);
  }
}
