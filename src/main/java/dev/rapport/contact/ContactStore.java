package dev.rapport.contact;

import dev.rapport.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The contact table. Stage changes go only through {@link StageMachine}'s caller in this package.
 */
public final class ContactStore {
  /** What {@link #map} reads, in this order. */
  private static final String COLUMNS =
      "id, name, email, company, role, tier, stage, follow_ups, referred_by, hypothesis_id, source, created_at, updated_at, level, keep_in_touch, timezone,"
          + " channel, profile_url, phone, connected_on";

  private static final String INSERT =
      "INSERT INTO contact (name, email, email_key, company, role, tier, stage, referred_by, hypothesis_id, source, created_at, updated_at, level,"
          + " keep_in_touch, timezone, channel, profile_url, phone, connected_on)"
          + " VALUES (?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Inserts a validated contact in stage NEW and returns its id. */
  public long insert(Connection c, NewContact n, Instant now) {
    long id = Sql.insert(c, INSERT, insertParams(n, now));
    linkEmployer(c, id, n.company());
    return id;
  }

  /** Inserts validated contacts in stage NEW in one batch and returns their ids in order. */
  public List<Long> insertAll(Connection c, List<NewContact> all, Instant now) {
    List<Long> ids = Sql.insertAll(c, INSERT, all.stream().map(n -> insertParams(n, now)).toList());
    if (Sql.count(c, "SELECT COUNT(*) FROM employer") > 0)
      for (int i = 0; i < ids.size(); i++) linkEmployer(c, ids.get(i), all.get(i).company());
    return ids;
  }

  /**
   * Links the contact to the employer its company names (see {@link CompanyNames}), or to none: the
   * link is a column, kept whenever the company changes.
   */
  static void linkEmployer(Connection c, long id, String company) {
    String key = CompanyNames.key(company);
    Sql.update(
        c,
        "UPDATE contact SET employer_id = (SELECT e.id FROM employer e WHERE e.name_key = ?) WHERE id = ?",
        key,
        id);
  }

  private static Object[] insertParams(NewContact n, Instant now) {
    return new Object[] {
      n.name(),
      n.email(),
      key(n.email()),
      n.company(),
      n.role(),
      n.tier(),
      n.referredBy(),
      n.hypothesisId(),
      n.source(),
      now,
      now,
      n.level(),
      n.keepInTouch(),
      n.timezone(),
      n.channel() == null ? Channel.EMAIL : n.channel(),
      n.profileUrl(),
      n.phone(),
      n.connectedOn()
    };
  }

  /**
   * Takes the write lock on a contact's row, so that checks and changes for it run one at a time.
   */
  void lock(Connection c, long id) {
    Sql.list(c, "SELECT id FROM contact WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), id);
  }

  public Optional<Contact> find(Connection c, long id) {
    return Sql.one(c, "SELECT " + COLUMNS + " FROM contact WHERE id = ?", ContactStore::map, id);
  }

  public Optional<Contact> findByEmail(Connection c, String email) {
    return Sql.one(
        c,
        "SELECT " + COLUMNS + " FROM contact WHERE email_key = ?",
        ContactStore::map,
        EmailAddresses.key(email));
  }

  /** The contact with this profile URL (compared without case or a trailing slash), if any. */
  public Optional<Contact> findByProfileUrl(Connection c, String url) {
    return Sql.list(
            c,
            "SELECT " + COLUMNS + " FROM contact WHERE profile_url IS NOT NULL ORDER BY id",
            ContactStore::map)
        .stream()
        .filter(k -> urlKey(k.profileUrl()).equals(urlKey(url)))
        .findFirst();
  }

  /** A profile URL reduced for comparison: lower case, no trailing slash, no query. */
  public static String urlKey(String url) {
    String s = url.strip().toLowerCase(java.util.Locale.ROOT);
    int q = s.indexOf('?');
    if (q >= 0) s = s.substring(0, q);
    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
    return s.replaceFirst("^https?://(www\\.)?", "");
  }

  /** The lower-cased address for the unique key, or null for a contact without one. */
  static String key(String email) {
    return email == null ? null : EmailAddresses.key(email);
  }

  public boolean emailTaken(Connection c, String email) {
    return Sql.count(
            c, "SELECT COUNT(*) FROM contact WHERE email_key = ?", EmailAddresses.key(email))
        > 0;
  }

  public List<Contact> list(Connection c, Optional<Stage> stage) {
    return stage.isPresent()
        ? Sql.list(
            c,
            "SELECT " + COLUMNS + " FROM contact WHERE stage = ? ORDER BY id",
            ContactStore::map,
            stage.get())
        : Sql.list(c, "SELECT " + COLUMNS + " FROM contact ORDER BY id", ContactStore::map);
  }

  /** What {@code contacts list} shows of every contact, or of those in one stage, by id. */
  public List<ContactRow> rows(Connection c, Optional<Stage> stage) {
    String sql = "SELECT id, name, email, company, tier, stage, channel FROM contact";
    Sql.RowMapper<ContactRow> row =
        rs ->
            new ContactRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                Stage.valueOf(rs.getString(6)),
                Channel.valueOf(rs.getString(7)));
    return stage.isPresent()
        ? Sql.list(c, sql + " WHERE stage = ? ORDER BY id", row, stage.get())
        : Sql.list(c, sql + " ORDER BY id", row);
  }

  /**
   * Every address already in use, lower-cased: lets an import find duplicates without a query per
   * row.
   */
  public java.util.Set<String> emailKeys(Connection c) {
    return new java.util.HashSet<>(
        Sql.list(
            c, "SELECT email_key FROM contact WHERE email_key IS NOT NULL", rs -> rs.getString(1)));
  }

  public void setHypothesis(Connection c, long id, Long hypothesisId, Instant now) {
    Sql.update(
        c,
        "UPDATE contact SET hypothesis_id = ?, updated_at = ? WHERE id = ?",
        hypothesisId,
        now,
        id);
  }

  public void setReferredBy(Connection c, long id, long referredBy, Instant now) {
    Sql.update(
        c, "UPDATE contact SET referred_by = ?, updated_at = ? WHERE id = ?", referredBy, now, id);
  }

  /** Writes an edited contact's details (validated); stage, counts and links stay. */
  void updateDetails(Connection c, long id, NewContact n, Instant now) {
    Sql.update(
        c,
        "UPDATE contact SET name = ?, email = ?, email_key = ?, company = ?, role = ?, tier = ?,"
            + " level = ?, hypothesis_id = ?, channel = ?, profile_url = ?, phone = ?, updated_at = ?"
            + " WHERE id = ?",
        n.name(),
        n.email(),
        key(n.email()),
        n.company(),
        n.role(),
        n.tier(),
        n.level(),
        n.hypothesisId(),
        n.channel(),
        n.profileUrl(),
        n.phone(),
        now,
        id);
    linkEmployer(c, id, n.company());
  }

  void setKeepInTouch(Connection c, long id, boolean keep, Instant now) {
    Sql.update(
        c, "UPDATE contact SET keep_in_touch = ?, updated_at = ? WHERE id = ?", keep, now, id);
  }

  void setTimezone(Connection c, long id, java.time.ZoneId zone, Instant now) {
    Sql.update(
        c,
        "UPDATE contact SET timezone = ?, updated_at = ? WHERE id = ?",
        zone == null ? null : zone.getId(),
        now,
        id);
  }

  void updateStage(Connection c, long id, Stage stage, int followUps, Instant now) {
    Sql.update(
        c,
        "UPDATE contact SET stage = ?, follow_ups = ?, updated_at = ? WHERE id = ?",
        stage,
        followUps,
        now,
        id);
  }

  /** One row of {@link #COLUMNS}, read by position: a list of thousands reads no names. */
  static Contact map(ResultSet rs) throws SQLException {
    String level = rs.getString(14);
    return new Contact(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getInt(6),
        Stage.valueOf(rs.getString(7)),
        rs.getInt(8),
        Sql.nullableLong(rs, 9),
        Sql.nullableLong(rs, 10),
        rs.getString(11),
        Sql.time(rs, 12),
        Sql.time(rs, 13),
        level == null ? null : Level.valueOf(level),
        rs.getBoolean(15),
        zone(rs.getString(16)),
        Channel.valueOf(rs.getString(17)),
        rs.getString(18),
        rs.getString(19),
        rs.getObject(20, java.time.LocalDate.class));
  }

  /** A stored zone; one this Java no longer knows is treated as unknown rather than failing. */
  private static java.time.ZoneId zone(String id) {
    if (id == null) return null;
    try {
      return java.time.ZoneId.of(id);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
