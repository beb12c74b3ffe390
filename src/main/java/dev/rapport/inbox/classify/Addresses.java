package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds bare mail addresses ({@code local@domain}) in header values and report fields, tolerating
 * what real bounces write around them: display names, angle brackets, an {@code rfc822;} address
 * type (RFC 3464 section 2.3.2), comments, quotes, quoted local parts and trailing punctuation.
 * Addresses come back lower-cased (see {@link #canonical}), each once, in the order found.
 */
public final class Addresses {
  private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
  private static final String DOT_ATOM = ATEXT + "+(?:\\." + ATEXT + "+)*";
  private static final Pattern ADDRESS =
      Pattern.compile(
          "(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])"
              + "((?:\"(?:[^\"\\\\\r\n]|\\\\.){1,64}\"|"
              + DOT_ATOM
              + ")@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)");
  private static final Pattern PLAIN_LOCAL = Pattern.compile(DOT_ATOM);

  private Addresses() {}

  /** Every address in the value, lower-cased, without duplicates. */
  static List<String> in(String value) {
    Set<String> found = new LinkedHashSet<>();
    if (value == null) return List.of();
    Matcher m = ADDRESS.matcher(value.length() > 16_384 ? value.substring(0, 16_384) : value);
    while (m.find()) found.add(canonical(m.group(1)));
    return new ArrayList<>(found);
  }

  /**
   * An address lower-cased, its local part unquoted when the quotes change nothing ({@code
   * "bo.lind"@corp.test} is bo.lind@corp.test, RFC 5321 section 4.1.2); a local part that needs its
   * quotes ({@code "bo lind"@corp.test}) keeps them.
   */
  public static String canonical(String address) {
    String a = address.strip().toLowerCase(Locale.ROOT);
    int at = a.lastIndexOf('@');
    if (at > 1 && a.charAt(0) == '"' && a.charAt(at - 1) == '"') {
      String inside = a.substring(1, at - 1);
      if (PLAIN_LOCAL.matcher(inside).matches()) return inside + a.substring(at);
    }
    return a;
  }

  /** The local part of an address (before the last @), lower-cased. */
  static String localPart(String address) {
    int at = address.lastIndexOf('@');
    return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
  }
}
