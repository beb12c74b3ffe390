package dev.rapport.inbox.classify;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParameterList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed Content-Type: the lower-cased {@code type/subtype} and its parameters (names
 * lower-cased). Parsing never fails: a value Jakarta Mail rejects is split by hand, and a missing
 * or empty value means {@code text/plain}, the RFC 2045 default.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2045#section-5">RFC 2045, 5</a>
 */
public record MediaType(String type, Map<String, String> parameters) {
  public static final MediaType TEXT_PLAIN = new MediaType("text/plain", Map.of());

  public MediaType {
    type = type.toLowerCase(Locale.ROOT);
    parameters = Collections.unmodifiableMap(new HashMap<>(parameters));
  }

  public static MediaType parse(String value) {
    if (value == null || value.isBlank()) return TEXT_PLAIN;
    try {
      ContentType parsed = new ContentType(value);
      Map<String, String> params = new HashMap<>();
      ParameterList list = parsed.getParameterList();
      if (list != null) {
        for (Enumeration<String> names = list.getNames(); names.hasMoreElements(); ) {
          String name = names.nextElement();
          String v = list.get(name);
          if (v != null) params.put(name.toLowerCase(Locale.ROOT), v);
        }
      }
      return new MediaType(parsed.getBaseType(), params);
    } catch (Exception malformed) {
      return byHand(value);
    }
  }

  private static MediaType byHand(String value) {
    String[] pieces = value.split(";");
    String type = pieces[0].strip();
    if (!type.matches("[!-~&&[^/]]+/[!-~&&[^/]]+")) type = "text/plain";
    Map<String, String> params = new HashMap<>();
    for (int i = 1; i < pieces.length; i++) {
      int eq = pieces[i].indexOf('=');
      if (eq <= 0) continue;
      String v = pieces[i].substring(eq + 1).strip();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\""))
        v = v.substring(1, v.length() - 1);
      params.put(pieces[i].substring(0, eq).strip().toLowerCase(Locale.ROOT), v);
    }
    return new MediaType(type, params);
  }

  /** The named parameter lower-cased, or "" when absent. */
  public String parameter(String name) {
    String v = parameters.get(name.toLowerCase(Locale.ROOT));
    return v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
  }

  public boolean is(String otherType) {
    return type.equalsIgnoreCase(otherType);
  }

  public boolean isMultipart() {
    return type.startsWith("multipart/");
  }
}
