package dev.rapport.hypothesis;

import dev.rapport.InvalidInputException;
import dev.rapport.NotFoundException;
import dev.rapport.store.Database;
import dev.rapport.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/** Hypotheses: add, list, resolve. */
public final class HypothesisService {
  private static final String COLUMNS = "id, text, status, note, created_at, resolved_at, pitch";
  private final Database db;
  private final Clock clock;

  public HypothesisService(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public Hypothesis add(String text) {
    return add(text, null);
  }

  /** Adds a hypothesis with the pitch its outreach states (null or blank for none). */
  public Hypothesis add(String text, String pitch) {
    if (text == null || text.isBlank())
      throw new InvalidInputException("A hypothesis needs some text.");
    String clean = text.strip();
    if (clean.length() > 1000)
      throw new InvalidInputException("A hypothesis is at most 1000 characters.");
    String p = pitch(pitch);
    return db.transaction(
        c -> {
          long id =
              Sql.insert(
                  c,
                  "INSERT INTO hypothesis (text, status, created_at, pitch) VALUES (?, 'OPEN', ?, ?)",
                  clean,
                  clock.instant(),
                  p);
          return find(c, id);
        });
  }

  /**
   * Sets the pitch outreach to this hypothesis's contacts states; null or blank clears it (they get
   * {@code me.pitch} again). Drafts already made keep the text they were made with.
   */
  public Hypothesis setPitch(long id, String pitch) {
    String p = pitch(pitch);
    return db.transaction(
        c -> {
          find(c, id);
          Sql.update(c, "UPDATE hypothesis SET pitch = ? WHERE id = ?", p, id);
          return find(c, id);
        });
  }

  private static String pitch(String pitch) {
    if (pitch == null || pitch.isBlank()) return null;
    String clean = pitch.strip().replaceAll("\\s+", " ");
    if (clean.length() > 1000)
      throw new InvalidInputException("A pitch is at most 1000 characters.");
    return clean;
  }

  public List<Hypothesis> list() {
    return db.read(
        c ->
            Sql.list(
                c, "SELECT " + COLUMNS + " FROM hypothesis ORDER BY id", HypothesisService::map));
  }

  public Hypothesis get(long id) {
    return db.read(c -> find(c, id));
  }

  /**
   * Marks a hypothesis validated or disproved; resolving it again replaces the verdict and note.
   */
  public Hypothesis resolve(long id, Hypothesis.Status verdict, String note) {
    if (verdict == Hypothesis.Status.OPEN)
      throw new IllegalArgumentException("a verdict is VALIDATED or DISPROVED");
    return db.transaction(
        c -> {
          find(c, id);
          Sql.update(
              c,
              "UPDATE hypothesis SET status = ?, note = ?, resolved_at = ? WHERE id = ?",
              verdict,
              note == null || note.isBlank() ? null : note.strip(),
              clock.instant(),
              id);
          return find(c, id);
        });
  }

  /** The number of contacts linked to each hypothesis, for listings. */
  public long contactCount(long id) {
    return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM contact WHERE hypothesis_id = ?", id));
  }

  private static Hypothesis find(Connection c, long id) {
    return Sql.one(
            c, "SELECT " + COLUMNS + " FROM hypothesis WHERE id = ?", HypothesisService::map, id)
        .orElseThrow(() -> new NotFoundException("There is no hypothesis " + id + "."));
  }

  private static Hypothesis map(ResultSet rs) throws SQLException {
    return new Hypothesis(
        rs.getLong("id"),
        rs.getString("text"),
        Hypothesis.Status.valueOf(rs.getString("status")),
        rs.getString("note"),
        Sql.time(rs, "created_at"),
        Sql.time(rs, "resolved_at"),
        rs.getString("pitch"));
  }
}
