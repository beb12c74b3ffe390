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
 * type (RFC 3464 section 2.3.2), comments, quotes and trailing punctuation. Addresses come back
 * lower-cased, each once, in the order found.
 */
final class Addresses {
  private static final Pattern ADDRESS =
      Pattern.compile(
          "(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])"
              + "([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)");

  private Addresses() {}

  /** Every address in the value, lower-cased, without duplicates. */
  static List<String> in(String value) {
    Set<String> found = new LinkedHashSet<>();
    if (value == null) return List.of();
    Matcher m = ADDRESS.matcher(value.length() > 16_384 ? value.substring(0, 16_384) : value);
    while (m.find()) found.add(m.group(1).toLowerCase(Locale.ROOT));
    return new ArrayList<>(found);
  }

  /** The local part of an address (before the last @), lower-cased. */
  static String localPart(String address) {
    int at = address.lastIndexOf('@');
    return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
  }
}
