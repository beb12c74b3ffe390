package dev.rapport.schedule;

import dev.rapport.config.Config;
import dev.rapport.outbox.SelfMail;
import dev.rapport.store.Database;
import dev.rapport.store.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The morning digest: once a day at {@code digest.at} in the user's zone, a mail to the user's own
 * address, only when there is something to say. The day's row in the digest table is written before
 * the mail goes out, so two processes (or a job fired twice) never send two; if sending fails the
 * row is removed and the next run tries again. After a long stop only the current day's digest goes
 * out.
 */
public final class DigestService {
  private static final Logger log = LoggerFactory.getLogger(DigestService.class);
  static final String FAILURE_KEY = "DIGEST";

  private final Database db;
  private final DigestComposer composer;
  private final DigestTime time;
  private final Supplier<SelfMail> mail;
  private final Clock clock;
  private final IntSupplier suggestions;
  private final Supplier<List<String>> secondContacts;

  /**
   * @param prep what the day's interviews need, repeated in the digest
   * @param mail how to reach the user's mailbox, asked for only when a digest goes out
   */
  public DigestService(
      Database db, Config config, InterviewPrep prep, Supplier<SelfMail> mail, Clock clock) {
    this(db, config, prep, mail, clock, () -> 0);
  }

  /**
   * @param suggestions how many people {@code rapport next} suggests writing to this week, asked
   *     for when a digest is composed
   */
  public DigestService(
      Database db,
      Config config,
      InterviewPrep prep,
      Supplier<SelfMail> mail,
      Clock clock,
      IntSupplier suggestions) {
    this(db, config, prep, mail, clock, suggestions, List::of);
  }

  /**
   * @param secondContacts the 3B7 routine's suggestions, one line each ({@code method: two-hour};
   *     empty otherwise), asked for when a digest is composed
   */
  public DigestService(
      Database db,
      Config config,
      InterviewPrep prep,
      Supplier<SelfMail> mail,
      Clock clock,
      IntSupplier suggestions,
      Supplier<List<String>> secondContacts) {
    this.db = db;
    this.suggestions = suggestions;
    this.secondContacts = secondContacts;
    this.composer = new DigestComposer(config, prep);
    this.time = new DigestTime(config.digest().at(), config.pacing().timezone());
    this.mail = mail;
    this.clock = clock;
  }

  /** When the next digest is due: today's moment if it has not been handled, else tomorrow's. */
  public Optional<Instant> nextAt() {
    Instant now = clock.instant();
    LocalDate today = time.day(now);
    boolean handled =
        db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM digest WHERE local_day = ?", today) > 0);
    return Optional.of(handled ? time.on(today.plusDays(1)) : time.on(today));
  }

  /**
   * Sends today's digest if its moment has come and it was not handled yet; returns what happened
   * ("digest sent", "digest: nothing to say"), or empty when none was due.
   */
  public Optional<String> sendIfDue() {
    Instant now = clock.instant();
    LocalDate today = time.day(now);
    if (now.isBefore(time.on(today))) return Optional.empty();
    if (db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM digest WHERE local_day = ?", today) > 0))
      return Optional.empty();
    int suggested = suggestions.getAsInt();
    List<String> second = secondContacts.get();
    Optional<DigestContent> claimed =
        db.transaction(
            c -> {
              if (Sql.count(c, "SELECT COUNT(*) FROM digest WHERE local_day = ?", today) > 0)
                return Optional.<DigestContent>empty();
              Instant since =
                  Sql.list(
                          c,
                          "SELECT MAX(at) FROM digest WHERE status IN ('SENT', 'SILENT')",
                          rs -> rs.getObject(1, OffsetDateTime.class))
                      .stream()
                      .filter(t -> t != null)
                      .map(OffsetDateTime::toInstant)
                      .findFirst()
                      .orElse(now.minus(Duration.ofDays(1)));
              DigestContent content = composer.compose(c, now, since, suggested, second);
              Sql.update(
                  c,
                  "INSERT INTO digest (local_day, status, at, body) VALUES (?, ?, ?, ?)",
                  today,
                  content.worthSending() ? "SENDING" : "SILENT",
                  now,
                  content.body());
              return Optional.of(content);
            });
    if (claimed.isEmpty()) return Optional.empty();
    DigestContent content = claimed.get();
    if (!content.worthSending()) {
      log.info("digest for {}: nothing to say, none sent", today);
      return Optional.of("digest: nothing to say");
    }
    String messageId;
    try {
      messageId = mail.get().send(content.subject(), content.body(), now);
    } catch (RuntimeException e) {
      db.transaction(
          c ->
              Sql.update(
                  c, "DELETE FROM digest WHERE local_day = ? AND status = 'SENDING'", today));
      throw e;
    }
    db.transaction(
        c ->
            Sql.update(
                c,
                "UPDATE digest SET status = 'SENT', message_id = ? WHERE local_day = ?",
                messageId,
                today));
    log.info("digest for {} sent: {}", today, content.subject());
    return Optional.of("digest sent");
  }

  /** The days handled so far with their status, newest first (for tests and doctor). */
  public List<String> history() {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT local_day, status FROM digest ORDER BY local_day DESC",
                rs -> rs.getObject(1, LocalDate.class) + " " + rs.getString(2)));
  }
}
