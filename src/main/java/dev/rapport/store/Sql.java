package dev.rapport.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parameterised JDBC in a few lines, so each feature's storage class reads as its SQL. */
public final class Sql {
  private Sql() {}

  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) {
    try (PreparedStatement ps = prepare(c, sql, false, params);
        ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) out.add(mapper.map(rs));
      return out;
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  public static <T> Optional<T> one(
      Connection c, String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = list(c, sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  public static long count(Connection c, String sql, Object... params) {
    return one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
  }

  public static int update(Connection c, String sql, Object... params) {
    try (PreparedStatement ps = prepare(c, sql, false, params)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** Runs an INSERT and returns the generated id. */
  public static long insert(Connection c, String sql, Object... params) {
    try (PreparedStatement ps = prepare(c, sql, true, params)) {
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) throw new SQLException("no generated key");
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /**
   * Runs the INSERT once for each row of parameters as one JDBC batch and returns the generated ids
   * in the rows' order: thousands of rows in one round instead of one each.
   */
  public static List<Long> insertAll(Connection c, String sql, List<Object[]> rows) {
    if (rows.isEmpty()) return List.of();
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (Object[] params : rows) {
        bind(ps, params);
        ps.addBatch();
      }
      ps.executeBatch();
      List<Long> ids = new ArrayList<>(rows.size());
      try (ResultSet keys = ps.getGeneratedKeys()) {
        while (keys.next()) ids.add(keys.getLong(1));
      }
      if (ids.size() != rows.size())
        throw new SQLException(rows.size() + " rows inserted but " + ids.size() + " keys returned");
      return ids;
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** Reads a TIMESTAMP WITH TIME ZONE column as an offset time, null-safe. */
  public static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }

  /** Reads a TIMESTAMP WITH TIME ZONE column by position. */
  public static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }

  /** Reads a nullable BIGINT column. */
  public static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  /** Reads a nullable BIGINT column by position. */
  public static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  /** Reads a nullable INT column. */
  public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static PreparedStatement prepare(Connection c, String sql, boolean keys, Object... params)
      throws SQLException {
    PreparedStatement ps =
        keys ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql);
    bind(ps, params);
    return ps;
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Enum<?> e) p = e.name();
      if (p instanceof Instant t) p = t.atOffset(ZoneOffset.UTC);
      if (p instanceof Timestamp t) p = t.toInstant().atOffset(ZoneOffset.UTC);
      ps.setObject(i + 1, p);
    }
  }

  private static StoreException failed(String sql, SQLException e) {
    String first = sql.strip().split("\\s+", 3)[0];
    return new StoreException("A database " + first + " failed: " + e.getMessage(), e);
  }
}
