package dev.rapport.imports;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which position in a CSV row holds which {@link Column}, read from a header row. When two cells
 * name the same column the more specific name wins ("Job Title" over "Title"), then the one further
 * left.
 */
record ColumnMap(List<String> headers, Map<Column, Integer> positions) {
  // The professional network's export names these; together they tell it from any other CSV.
  private static final Set<String> LINKEDIN_KEYS =
      Set.of("firstname", "lastname", "url", "emailaddress", "connectedon");

  ColumnMap {
    headers = List.copyOf(headers);
    Map<Column, Integer> copy = new EnumMap<>(Column.class);
    copy.putAll(positions);
    positions = Collections.unmodifiableMap(copy);
  }

  static ColumnMap of(List<String> headers) {
    Map<Column, Integer> positions = new EnumMap<>(Column.class);
    for (int i = 0; i < headers.size(); i++) {
      int at = i;
      Column.named(headers.get(i))
          .ifPresent(
              c ->
                  positions.merge(
                      c,
                      at,
                      (held, offered) ->
                          c.rank(headers.get(offered)) < c.rank(headers.get(held))
                              ? offered
                              : held));
    }
    return new ColumnMap(headers, positions);
  }

  boolean has(Column c) {
    return positions.containsKey(c);
  }

  boolean hasName() {
    return has(Column.NAME) || has(Column.FIRST_NAME) || has(Column.LAST_NAME);
  }

  /**
   * A header that names a person and a way to reach them (an address, a profile or a phone): enough
   * to make contacts from.
   */
  boolean usable() {
    return hasName() && (has(Column.EMAIL) || has(Column.PROFILE_URL) || has(Column.PHONE));
  }

  boolean looksLikeLinkedIn() {
    return headers.stream().map(Column::key).filter(LINKEDIN_KEYS::contains).distinct().count()
        == LINKEDIN_KEYS.size();
  }

  /**
   * The value of {@code c} in {@code row}, or null when the header has no such column or the row is
   * short.
   */
  String value(List<String> row, Column c) {
    Integer at = positions.get(c);
    return at == null || at >= row.size() ? null : row.get(at);
  }
}
