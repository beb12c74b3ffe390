package dev.rapport.schedule;

import dev.rapport.config.Config;
import dev.rapport.pause.Pause;
import dev.rapport.pause.PauseStore;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the morning digest from the database: the pause while it lasts, today's interviews with
 * their prep and tomorrow's, drafts waiting for review (and how to approve them), thank-yous due,
 * approved mail waiting for the sending window, bounces and auto-replies since the last digest, the
 * week's pace against the goal and how many people {@code rapport next} suggests. Worth sending
 * only when there are interviews or one of the next four has something; the pause, the pace and the
 * suggestions alone are no reason to write.
 */
final class DigestComposer {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private final Config config;
  private final ZoneId zone;
  private final FactsStore facts = new FactsStore();
  private final InterviewPrep prep;
  private final PauseStore pauses = new PauseStore();

  DigestComposer(Config config, InterviewPrep prep) {
    this.config = config;
    this.zone = config.pacing().timezone();
    this.prep = prep;
  }

  DigestContent compose(Connection c, Instant now, Instant since) {
    return compose(c, now, since, 0);
  }

  /**
   * @param suggestions how many people {@code rapport next} suggests writing to this week
   */
  DigestContent compose(Connection c, Instant now, Instant since, int suggestions) {
    return compose(c, now, since, suggestions, List.of());
  }

  /**
   * @param secondContacts the 3B7 routine's suggestions ({@code method: two-hour}), one line each:
   *     a second person to write to at an employer where nobody answered in 3 business days
   */
  DigestContent compose(
      Connection c, Instant now, Instant since, int suggestions, List<String> secondContacts) {
    List<String> pending =
        Sql.list(
            c,
            "SELECT d.id, d.kind, c.name, d.subject FROM draft d JOIN contact c ON c.id = d.contact_id"
                + " WHERE d.status = 'PENDING' ORDER BY d.id",
            rs ->
                "  "
                    + rs.getLong(1)
                    + "  "
                    + rs.getString(2)
                    + " to "
                    + rs.getString(3)
                    + ": "
                    + rs.getString(4));
    List<String> thanks = new ArrayList<>();
    for (long id :
        Sql.list(
            c,
            "SELECT id FROM contact WHERE stage = 'INTERVIEWED' ORDER BY id",
            rs -> rs.getLong(1))) {
      facts
          .load(c, id)
          .filter(f -> f.interviewedAt() != null)
          .ifPresent(
              f -> {
                Instant due = f.interviewedAt().plus(config.cadence().thankYouWithin());
                String name = name(c, id);
                thanks.add(
                    "  "
                        + name
                        + ": due by "
                        + shown(due)
                        + (f.thankYouId() == null
                            ? " (the draft is on its way)"
                            : " (draft " + f.thankYouId() + ")"));
              });
    }
    long waiting = Sql.count(c, "SELECT COUNT(*) FROM draft WHERE status = 'APPROVED'");
    List<String> incoming =
        Sql.list(
            c,
            "SELECT e.at, c.name, e.type, e.detail FROM event e JOIN contact c ON c.id = e.contact_id"
                + " WHERE e.type IN ('BOUNCE', 'AUTO_REPLY', 'UNVERIFIED_REPORT') AND e.at > ?"
                + " ORDER BY e.at",
            rs ->
                "  "
                    + shown(rs.getObject(1, OffsetDateTime.class).toInstant())
                    + "  "
                    + rs.getString(2)
                    + ": "
                    + incomingLabel(rs.getString(3))
                    + " — "
                    + cut(rs.getString(4), 160),
            since);
    LocalDate monday =
        now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    long thisWeek =
        Sql.count(
            c,
            "SELECT COUNT(*) FROM draft WHERE kind = 'OUTREACH' AND status = 'SENT' AND sent_at >= ?",
            monday.atStartOfDay(zone).toInstant());

    LocalDate today = now.atZone(zone).toLocalDate();
    List<Object[]> interviews =
        Sql.list(
            c,
            "SELECT i.id, i.starts_at, c.name, i.place FROM interview i JOIN contact c ON c.id = i.contact_id"
                + " WHERE i.status = 'SCHEDULED' AND i.starts_at >= ? AND i.starts_at < ? ORDER BY i.starts_at, i.id",
            rs ->
                new Object[] {
                  rs.getLong(1),
                  rs.getObject(2, OffsetDateTime.class).toInstant(),
                  rs.getString(3),
                  rs.getString(4)
                },
            today.atStartOfDay(zone).toInstant(),
            today.plusDays(2).atStartOfDay(zone).toInstant());
    Instant tomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
    List<Object[]> todays =
        interviews.stream().filter(i -> ((Instant) i[1]).isBefore(tomorrow)).toList();
    List<Object[]> tomorrows =
        interviews.stream().filter(i -> !((Instant) i[1]).isBefore(tomorrow)).toList();
    Optional<Pause> paused = pauses.activeAt(c, now);

    StringBuilder b = new StringBuilder();
    b.append("Good morning, ").append(config.me().name()).append(".\n");
    List<String> subject = new ArrayList<>();
    paused.ifPresent(
        p ->
            b.append("\nrapport is ")
                .append(p.describe(zone))
                .append(". Nothing is sent while paused; 'rapport resume' ends it.\n"));
    if (!todays.isEmpty()) {
      subject.add(todays.size() + " interview(s) today");
      b.append("\nInterviews today:\n");
      for (Object[] i : todays) {
        b.append(interviewLine(i));
        b.append("    ").append(prep.text(c, (Long) i[0]).replace("\n", "\n    ")).append('\n');
      }
    }
    if (!tomorrows.isEmpty()) {
      subject.add(tomorrows.size() + " interview(s) tomorrow");
      b.append("\nInterviews tomorrow:\n");
      for (Object[] i : tomorrows) b.append(interviewLine(i));
    }
    if (!pending.isEmpty()) {
      subject.add(pending.size() + " draft(s) to review");
      b.append("\nDrafts waiting for your review (").append(pending.size()).append("):\n");
      pending.forEach(l -> b.append(l).append('\n'));
      b.append(
          "Read one with 'rapport drafts show ID', approve with 'rapport drafts approve ID' (or --all), or reject with 'rapport drafts reject ID'.\n");
      b.append("Or review them on the dashboard while rapport runs: http://127.0.0.1:")
          .append(config.dashboard().port())
          .append("/\n");
    }
    if (!thanks.isEmpty()) {
      subject.add(thanks.size() + " thank-you(s) due");
      b.append("\nThank-yous due:\n");
      thanks.forEach(l -> b.append(l).append('\n'));
    }
    if (waiting > 0) {
      subject.add(waiting + " approved waiting to go");
      b.append("\nApproved and waiting for the sending window or the day's cap: ")
          .append(waiting)
          .append(" (window ")
          .append(config.pacing().windowStart())
          .append("–")
          .append(config.pacing().windowEnd())
          .append(", at most ")
          .append(config.pacing().maxPerDay())
          .append(" a day).\n");
    }
    if (!incoming.isEmpty()) {
      subject.add(incoming.size() + " bounce(s) or auto-reply(ies)");
      b.append("\nBounces and auto-replies since the last digest:\n");
      incoming.forEach(l -> b.append(l).append('\n'));
    }
    if (!secondContacts.isEmpty()) {
      subject.add(
          secondContacts.size()
              + (secondContacts.size() == 1 ? " employer" : " employers")
              + " to try a second contact at");
      b.append("\nNo answer in 3 business days (3B7): write to a second person there.\n");
      secondContacts.forEach(l -> b.append("  ").append(l).append('\n'));
    }
    b.append("\nThis week: ")
        .append(thisWeek)
        .append(" new outreach sent of your goal of ")
        .append(config.pacing().weeklyGoal())
        .append(".\n");
    if (suggestions > 0) {
      b.append(suggestions)
          .append(suggestions == 1 ? " person" : " people")
          .append(" you could write to this week: 'rapport next'.\n");
    }
    return new DigestContent(
        "rapport: " + (subject.isEmpty() ? "nothing new" : String.join(", ", subject)),
        b.toString(),
        !subject.isEmpty());
  }

  private String interviewLine(Object[] i) {
    String place = (String) i[3];
    return "  "
        + CLOCK.format(((Instant) i[1]).atZone(zone))
        + "  "
        + i[2]
        + (place == null || place.isBlank() ? "" : ", " + place)
        + '\n';
  }

  private static String name(Connection c, long id) {
    return Sql.one(c, "SELECT name FROM contact WHERE id = ?", rs -> rs.getString(1), id)
        .orElse("?");
  }

  private String shown(Instant t) {
    return SHOWN.format(t.atZone(zone));
  }

  private static String cut(String s, int max) {
    if (s == null) return "";
    String one = s.replace('\n', ' ');
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }

  /** An unverified report is there for the user to judge: rapport did not act on it. */
  private static String incomingLabel(String eventType) {
    return switch (eventType) {
      case "BOUNCE" -> "bounced";
      case "UNVERIFIED_REPORT" -> "not acted on, please judge";
      default -> "auto-reply";
    };
  }
}
