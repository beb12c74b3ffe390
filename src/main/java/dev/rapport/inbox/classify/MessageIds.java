package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads msg-id lists as found in Message-ID, In-Reply-To and References. RFC 5322 separates ids by
 * white space, but real mailers also use commas, drop the angle brackets or add comments, and some
 * leave out the "@"; every id comes back once, in order, in angle brackets. Bare ids (without
 * brackets) are only recognised with an "@".
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5322#section-3.6.4">RFC 5322, 3.6.4</a>
 */
public final class MessageIds {
  private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+)>");
  private static final Pattern BARE = Pattern.compile("[^\\s,;<>()\"]+@[^\\s,;<>()\"]+");
  private static final int MAX_IDS = 100;

  private MessageIds() {}

  /** The ids in one header value. */
  public static List<String> parse(String value) {
    Set<String> ids = new LinkedHashSet<>();
    if (value == null || value.isBlank()) return List.of();
    String v = value.replaceAll("\\([^()]*\\)", " "); // comments
    Matcher m = BRACKETED.matcher(v);
    while (m.find() && ids.size() < MAX_IDS) ids.add("<" + m.group(1) + ">");
    if (ids.isEmpty()) {
      Matcher bare = BARE.matcher(v);
      while (bare.find() && ids.size() < MAX_IDS) ids.add("<" + bare.group() + ">");
    }
    return new ArrayList<>(ids);
  }

  /** The ids of In-Reply-To, then References from the newest (last) to the oldest. */
  public static List<String> threadOf(MailHeaders headers) {
    Set<String> ids = new LinkedHashSet<>();
    for (String v : headers.all("In-Reply-To")) ids.addAll(parse(v));
    List<String> references = new ArrayList<>();
    for (String v : headers.all("References")) references.addAll(parse(v));
    for (int i = references.size() - 1; i >= 0; i--) ids.add(references.get(i));
    return new ArrayList<>(ids);
  }
}
