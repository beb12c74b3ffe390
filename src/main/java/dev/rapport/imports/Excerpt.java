package dev.rapport.imports;

/**
 * A value from the file quoted in a message: control characters shown as escapes so a report line
 * stays one line, and long values cut.
 */
final class Excerpt {
  private static final int MAX = 60;

  private Excerpt() {}

  static String quoted(String value) {
    String v = value == null ? "" : value.strip();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length() && sb.length() <= MAX; i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\r' -> sb.append("\\r");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        default ->
            sb.append(
                Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    if (sb.length() > MAX) sb.replace(MAX - 1, sb.length(), "…");
    return "\"" + sb + "\"";
  }
}
