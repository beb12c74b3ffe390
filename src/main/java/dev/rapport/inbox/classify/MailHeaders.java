package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An immutable, ordered header block: the fields of a message, of an attached message, or of one
 * group of a delivery-status report. Values are unfolded (RFC 5322 section 2.2.3) but not decoded;
 * {@link #decoded} decodes RFC 2047 words. Names compare case-insensitively. Each value is cut at
 * {@value #MAX_VALUE_CHARS} characters so a huge header cannot slow the rules.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5322#section-2.2">RFC 5322, 2.2</a>
 */
public record MailHeaders(List<Field> fields) {
  /** The longest header value kept, in characters. */
  public static final int MAX_VALUE_CHARS = 64 * 1024;

  public static final MailHeaders EMPTY = new MailHeaders(List.of());

  private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");
  private static final Pattern FOLD = Pattern.compile("\r?\n[ \t]+|\r[ \t]+");
  private static final Pattern LINE_BREAK = Pattern.compile("[\r\n]");

  /** One header field: its name as written and its unfolded value. */
  public record Field(String name, String value) {
    public Field {
      name = name == null ? "" : name.strip();
      value = unfold(value);
    }
  }

  public MailHeaders {
    fields = List.copyOf(fields);
  }

  /**
   * Parses a header block written as text ("Name: value" lines, continuation lines starting with
   * white space), stopping at the first empty line. Lines without a colon are skipped, so any text
   * yields a result.
   */
  public static MailHeaders parse(String block) {
    List<Field> fields = new ArrayList<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : LINE_END.split(block, -1)) {
      if (line.isBlank()) {
        if (name != null || !fields.isEmpty()) break;
        continue; // leading blank lines
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
        if (value.length() < MAX_VALUE_CHARS) value.append(' ').append(line.strip());
        continue;
      }
      if (name != null) fields.add(new Field(name, value.toString()));
      name = null;
      int colon = line.indexOf(':');
      if (colon > 0 && isFieldName(line, colon)) {
        name = line.substring(0, colon);
        value.setLength(0);
        value.append(line, colon + 1, Math.min(line.length(), colon + 1 + MAX_VALUE_CHARS));
      }
    }
    if (name != null) fields.add(new Field(name, value.toString()));
    return new MailHeaders(fields);
  }

  /** The first value of the named field, unfolded. */
  public Optional<String> first(String name) {
    for (Field f : fields) if (f.name().equalsIgnoreCase(name)) return Optional.of(f.value());
    return Optional.empty();
  }

  /** Every value of the named field, in order. */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>();
    for (Field f : fields) if (f.name().equalsIgnoreCase(name)) values.add(f.value());
    return values;
  }

  public boolean has(String name) {
    return first(name).isPresent();
  }

  /** The first value with RFC 2047 encoded-words decoded, or "" when the field is absent. */
  public String decoded(String name) {
    return first(name).map(EncodedWords::decode).orElse("");
  }

  /** The first value lower-cased and trimmed, or "" when absent: for comparing keywords. */
  public String keyword(String name) {
    return first(name).map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("");
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  private static boolean isFieldName(String line, int colon) {
    for (int i = 0; i < colon; i++) {
      char c = line.charAt(i);
      if (c <= ' ' || c > '~')
        return i > 0 && line.substring(i, colon).isBlank(); // "Name  : value"
    }
    return true;
  }

  private static String unfold(String value) {
    if (value == null) return "";
    String v = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) : value;
    if (v.indexOf('\r') < 0 && v.indexOf('\n') < 0) return v.strip(); // parse() gives these
    return LINE_BREAK.matcher(FOLD.matcher(v).replaceAll(" ")).replaceAll("").strip();
  }
}
