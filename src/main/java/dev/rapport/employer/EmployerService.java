package dev.rapport.employer;

import dev.rapport.InvalidInputException;
import dev.rapport.NotFoundException;
import dev.rapport.store.Database;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Target employers ({@code method: two-hour}): added with a motivation and whether a posting is
 * open, contacts linked by company, listed by motivation, then posting, then advocacy.
 */
public final class EmployerService {
  /** Motivation when {@code --motivation} is not given: the middle of 1–3. */
  public static final int DEFAULT_MOTIVATION = 2;

  private final Database db;
  private final Clock clock;
  private final ZoneId zone;
  private final EmployerStore store = new EmployerStore();

  /**
   * @param zone the user's time zone, where business days begin and end
   */
  public EmployerService(Database db, Clock clock, ZoneId zone) {
    this.db = db;
    this.clock = clock;
    this.zone = zone;
  }

  /** The order of {@code employers list}: motivation, then posting, then advocacy, then name. */
  public static final Comparator<EmployerSummary> ORDER =
      Comparator.comparingInt(EmployerSummary::motivation)
          .reversed()
          .thenComparing(EmployerSummary::posting, Comparator.reverseOrder())
          .thenComparing(EmployerSummary::advocacy, Comparator.reverseOrder())
          .thenComparing(s -> s.name().toLowerCase(java.util.Locale.ROOT))
          .thenComparingLong(EmployerSummary::id);

  /** The employer added, and how many contacts its name linked. */
  public record Added(Employer employer, int linked) {}

  public Added add(String name, Integer motivation, boolean posting, String note) {
    String clean = name(name);
    int m = motivation(motivation == null ? DEFAULT_MOTIVATION : motivation);
    String n = note(note);
    return db.transaction(
        c -> {
          store
              .findByName(c, clean)
              .ifPresent(
                  e -> {
                    throw new InvalidInputException(
                        "Employer " + e.id() + " is already \"" + e.name() + "\".");
                  });
          long id = store.insert(c, clean, m, posting, n, clock.instant());
          Employer e = require(c, id);
          return new Added(e, store.relink(c, e));
        });
  }

  /** Changes what is given (null: unchanged); a new name relinks contacts by company. */
  public Added edit(long id, String name, Integer motivation, Boolean posting, String note) {
    return db.transaction(
        c -> {
          Employer before = require(c, id);
          String newName = name == null ? before.name() : name(name);
          if (name != null) {
            Optional<Employer> other = store.findByName(c, newName);
            if (other.isPresent() && other.get().id() != id)
              throw new InvalidInputException(
                  "Employer " + other.get().id() + " is already \"" + other.get().name() + "\".");
          }
          Employer after =
              new Employer(
                  id,
                  newName,
                  motivation == null ? before.motivation() : motivation(motivation),
                  posting == null ? before.posting() : posting,
                  note == null ? before.note() : note(note),
                  before.createdAt());
          store.update(c, after, clock.instant());
          int linked =
              name != null
                  ? store.relink(c, after)
                  : (int) Sql.count(c, "SELECT COUNT(*) FROM contact WHERE employer_id = ?", id);
          return new Added(after, linked);
        });
  }

  public Employer get(long id) {
    return db.read(c -> require(c, id));
  }

  /** Every employer, in {@link #ORDER}. */
  public List<EmployerSummary> list() {
    return db.read(
        c -> {
          List<Employer> all = store.list(c);
          Map<Long, List<EmployerContact>> there = byEmployer(EmployerContacts.linked(c));
          List<EmployerSummary> out = new ArrayList<>();
          for (Employer e : all) out.add(summary(e, there.getOrDefault(e.id(), List.of())));
          out.sort(ORDER);
          return out;
        });
  }

  public EmployerDetails show(long id) {
    return db.read(
        c -> {
          Employer e = require(c, id);
          List<EmployerContact> there = EmployerContacts.at(c, id);
          List<EmployerDetails.Person> people =
              there.stream()
                  .map(
                      p ->
                          new EmployerDetails.Person(
                              p.id(),
                              p.name(),
                              p.role(),
                              p.stage().name(),
                              Boosters.isBooster(p, zone),
                              p.replied()))
                  .toList();
          SecondContact second =
              ThreeBSeven.suggestion(e, there, clock.instant(), zone).orElse(null);
          return new EmployerDetails(summary(e, there), people, second);
        });
  }

  /** The 3B7 routine's suggestions now: a second person to write to, per employer. */
  public List<SecondContact> secondContacts() {
    return db.read(
        c ->
            ThreeBSeven.suggestions(
                store.list(c), EmployerContacts.linked(c), clock.instant(), zone));
  }

  /** The employer a contact is linked to, if any. */
  public Optional<Employer> employerOf(long contactId) {
    return db.read(c -> store.employerOf(c, contactId));
  }

  /** Whether this contact answered their first outreach within 3 business days. */
  public boolean isBooster(long contactId) {
    return db.read(
        c -> {
          List<EmployerContact> one = EmployerContacts.of(c, List.of(contactId));
          return !one.isEmpty() && Boosters.isBooster(one.get(0), zone);
        });
  }

  /** The ids of every booster: one query, for lists. */
  public Set<Long> boosterIds() {
    return db.read(
        c -> {
          Set<Long> out = new HashSet<>();
          for (Object[] row :
              Sql.list(
                  c,
                  "SELECT d.contact_id, MIN(d.sent_at), (SELECT MIN(COALESCE(m.sent_at, m.processed_at))"
                      + " FROM inbox_message m WHERE m.contact_id = d.contact_id AND m.kind = 'HUMAN_REPLY')"
                      + " FROM draft d WHERE d.kind = 'OUTREACH' AND d.status = 'SENT' GROUP BY d.contact_id",
                  rs ->
                      new Object[] {
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class)
                      })) {
            if (row[2] == null) continue;
            if (Boosters.isBooster(
                ((OffsetDateTime) row[1]).toInstant(), ((OffsetDateTime) row[2]).toInstant(), zone))
              out.add((Long) row[0]);
          }
          return out;
        });
  }

  private EmployerSummary summary(Employer e, List<EmployerContact> there) {
    int contacted = 0, replies = 0, interviews = 0, boosters = 0;
    boolean advocacy = false;
    for (EmployerContact p : there) {
      if (p.firstSent() != null) contacted++;
      if (p.replied()) replies++;
      if (p.advocate()) advocacy = true;
      interviews += p.interviews();
      if (Boosters.isBooster(p, zone)) boosters++;
    }
    return new EmployerSummary(
        e.id(),
        e.name(),
        e.motivation(),
        e.posting(),
        advocacy,
        there.size(),
        contacted,
        replies,
        interviews,
        boosters,
        e.note());
  }

  private static Map<Long, List<EmployerContact>> byEmployer(List<EmployerContact> linked) {
    return linked.stream().collect(Collectors.groupingBy(EmployerContact::employerId));
  }

  private Employer require(Connection c, long id) {
    return store
        .find(c, id)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "There is no employer " + id + "; 'employers list' shows them."));
  }

  private static String name(String name) {
    if (name == null || name.isBlank())
      throw new InvalidInputException("An employer needs a name.");
    String clean = name.strip().replaceAll("\\s+", " ");
    if (clean.length() > 200)
      throw new InvalidInputException("An employer's name is at most 200 characters.");
    if (clean.chars().anyMatch(Character::isISOControl))
      throw new InvalidInputException("An employer's name cannot hold control characters.");
    return clean;
  }

  private static int motivation(int m) {
    if (m < 1 || m > 3)
      throw new InvalidInputException(
          "--motivation: expected 1, 2 or 3 (3: a dream employer), but found " + m);
    return m;
  }

  private static String note(String note) {
    if (note == null || note.isBlank()) return null;
    if (note.length() > 4000)
      throw new InvalidInputException("An employer's note is at most 4000 characters.");
    return note.strip();
  }
}
