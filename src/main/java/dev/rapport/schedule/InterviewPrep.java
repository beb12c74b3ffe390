package dev.rapport.schedule;

import dev.rapport.config.Config;
import dev.rapport.contact.EventType;
import dev.rapport.contact.Timeline;
import dev.rapport.question.Question;
import dev.rapport.question.QuestionService;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What to have at hand before an interview: when and where, the question set as numbered today, the
 * user's pitch, and the research notes on the contact's timeline ({@code contacts note}, notes
 * given at import or add). The scheduler puts it on the timeline as the interview's REMINDER; the
 * morning digest repeats it for the day's interviews.
 */
public final class InterviewPrep {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

  /** The most a timeline event's detail holds (event.detail). */
  static final int MAX = 20_000;

  private final Config.Me me;
  private final ZoneId zone;
  private final QuestionService questions;
  private final Timeline timeline = new Timeline();

  public InterviewPrep(Config config, QuestionService questions) {
    this.me = config.me();
    this.zone = config.pacing().timezone();
    this.questions = questions;
  }

  /** The prep text for interview {@code interviewId}, several lines. */
  String text(Connection c, long interviewId) {
    Object[] i =
        Sql.one(
                c,
                "SELECT i.contact_id, c.name, i.starts_at, i.minutes, i.place FROM interview i"
                    + " JOIN contact c ON c.id = i.contact_id WHERE i.id = ?",
                rs ->
                    new Object[] {
                      rs.getLong(1),
                      rs.getString(2),
                      Sql.time(rs, "starts_at").toInstant(),
                      rs.getInt(4),
                      rs.getString(5)
                    },
                interviewId)
            .orElseThrow();
    long contactId = (Long) i[0];
    StringBuilder b = new StringBuilder();
    b.append("Interview with ")
        .append(i[1])
        .append(" on ")
        .append(WHEN.format(((Instant) i[2]).atZone(zone)))
        .append(" (")
        .append(i[3])
        .append(" min)")
        .append(i[4] == null || ((String) i[4]).isBlank() ? "" : ", " + i[4])
        .append('\n');
    List<Question> set = questions.list(c);
    if (!set.isEmpty()) {
      b.append("Your questions:\n");
      for (Question q : set)
        b.append("  ").append(q.number()).append(". ").append(q.text()).append('\n');
    }
    if (me.pitch() != null && !me.pitch().isBlank()) {
      b.append("Your pitch: ").append(me.pitch().strip()).append('\n');
    }
    List<String> notes =
        timeline.of(c, contactId).stream()
            .filter(e -> e.type() == EventType.NOTE)
            .map(e -> e.detail())
            .filter(d -> d != null && !d.isBlank())
            .toList();
    if (!notes.isEmpty()) {
      b.append("Your notes on ").append(i[1]).append(":\n");
      for (String n : notes)
        b.append("  - ").append(n.strip().replace("\n", "\n    ")).append('\n');
    }
    return fit(b.toString().stripTrailing(), contactId);
  }

  /**
   * At most {@link #MAX} characters, what a timeline event holds; cut with a pointer to the rest.
   */
  static String fit(String text, long contactId) {
    if (text.length() <= MAX) return text;
    String more = "\n… (cut here; everything is in 'rapport contacts show " + contactId + "')";
    return text.substring(0, MAX - more.length()) + more;
  }
}
