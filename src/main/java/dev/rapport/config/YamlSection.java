package dev.rapport.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of the config file, read strictly: every read names the key's full path in its error,
 * and {@link #refuseUnknownKeys()} rejects whatever was not read.
 */
final class YamlSection {
  private final String path;
  private final JsonNode node;
  private final Set<String> known = new LinkedHashSet<>();

  YamlSection(String path, JsonNode node) {
    this.path = path;
    this.node = node;
  }

  static YamlSection root(JsonNode node) {
    return new YamlSection("", node);
  }

  boolean has(String key) {
    known.add(key);
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  Optional<YamlSection> section(String key) {
    if (!has(key)) return Optional.empty();
    JsonNode v = node.get(key);
    if (!v.isObject()) throw wrong(key, "a mapping of keys", v);
    return Optional.of(new YamlSection(pathOf(key), v));
  }

  Optional<String> string(String key) {
    if (!has(key)) return Optional.empty();
    JsonNode v = node.get(key);
    if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) throw wrong(key, "a text value", v);
    return Optional.of(v.asText());
  }

  String requiredString(String key) {
    String s = string(key).orElseThrow(() -> missing(key, "a text value"));
    if (s.isBlank()) throw new ConfigException(pathOf(key) + ": expected a non-empty text value");
    return s;
  }

  Optional<Integer> integer(String key, int min, int max) {
    if (!has(key)) return Optional.empty();
    JsonNode v = node.get(key);
    if (!v.isIntegralNumber()) throw wrong(key, "a whole number from " + min + " to " + max, v);
    int n = v.asInt();
    if (n < min || n > max || !v.canConvertToInt()) {
      throw new ConfigException(
          pathOf(key)
              + ": expected a whole number from "
              + min
              + " to "
              + max
              + ", but found "
              + v.asText());
    }
    return Optional.of(n);
  }

  Optional<Boolean> bool(String key) {
    if (!has(key)) return Optional.empty();
    JsonNode v = node.get(key);
    if (!v.isBoolean()) throw wrong(key, "true or false", v);
    return Optional.of(v.asBoolean());
  }

  /** A duration longer than zero: every wait, period and window in the config is one. */
  Optional<Duration> duration(String key) {
    return string(key).map(s -> parse(key, () -> Durations.positive(s)));
  }

  Optional<LocalTime> time(String key) {
    return string(key).map(s -> parse(key, () -> parseTime(s)));
  }

  Optional<ZoneId> zone(String key) {
    return string(key).map(s -> parse(key, () -> parseZone(s)));
  }

  /** A list of exactly {@code size} durations, such as {@code [90d, 180d]}. */
  Optional<List<Duration>> durations(String key, int size) {
    if (!has(key)) return Optional.empty();
    JsonNode v = node.get(key);
    String expected = "a list of " + size + " durations such as [90d, 180d]";
    if (!v.isArray() || v.size() != size) throw wrong(key, expected, v);
    List<Duration> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      String item = v.get(i).asText();
      int index = i;
      out.add(parse(key + "[" + index + "]", () -> Durations.positive(item)));
    }
    return Optional.of(out);
  }

  /** A list of non-empty texts; a single text is a list of one. */
  Optional<List<String>> strings(String key) {
    if (!has(key)) return Optional.empty();
    JsonNode v = node.get(key);
    if (v.isTextual()) return Optional.of(List.of(v.asText().strip()));
    if (!v.isArray() || v.isEmpty()) throw wrong(key, "a list of texts", v);
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual() || item.asText().isBlank()) throw wrong(key, "a list of texts", v);
      out.add(item.asText().strip());
    }
    return Optional.of(List.copyOf(out));
  }

  void refuseUnknownKeys() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ConfigException(
            pathOf(name) + ": unknown key; expected one of " + String.join(", ", known));
      }
    }
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ConfigException missing(String key, String expected) {
    return new ConfigException(
        pathOf(key) + ": required key is missing (expected " + expected + ")");
  }

  private <T> T parse(String key, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ConfigException(pathOf(key) + ": " + e.getMessage());
    }
  }

  private ConfigException wrong(String key, String expected, JsonNode found) {
    String kind =
        found.isObject() ? "a mapping" : found.isArray() ? "a list" : "\"" + found.asText() + "\"";
    return new ConfigException(pathOf(key) + ": expected " + expected + ", but found " + kind);
  }

  static LocalTime parseTime(String s) {
    try {
      return LocalTime.parse(s.trim().length() == 4 ? "0" + s.trim() : s.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected a time of day such as \"08:00\", but found \"" + s + "\"");
    }
  }

  private static ZoneId parseZone(String s) {
    try {
      return ZoneId.of(s.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "expected a time zone such as Europe/Berlin or America/New_York, but found \""
              + s
              + "\"");
    }
  }
}
