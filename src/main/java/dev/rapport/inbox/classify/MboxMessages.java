package dev.rapport.inbox.classify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several messages in one, the way an mbox file holds them: each begins with a {@code From_} line
 * ("From MAILER-DAEMON Thu Apr 29 23:34:45 2015"). Some delivery agents hand such a file on as one
 * message (sisimai's rfc3464-28 holds two delivery reports). Only text that itself starts with a
 * {@code From_} line is split, so a person's "From ..." line in an ordinary message is never taken
 * for a boundary.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4155">RFC 4155, the application/mbox type</a>
 */
final class MboxMessages {
  private static final Pattern FROM_LINE =
      Pattern.compile("(?m)^From \\S+ +[A-Z][a-z]{2} [A-Z][a-z]{2} +\\d{1,2} \\d");

  private MboxMessages() {}

  /** The messages in the bytes: the bytes themselves unless they are an mbox of several. */
  static List<byte[]> split(byte[] raw) {
    // ISO-8859-1 maps each byte to one char, so offsets in the text are offsets in the bytes.
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    Matcher m = FROM_LINE.matcher(text);
    if (!m.find() || m.start() != 0) return List.of(raw);
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    while (m.find()) starts.add(m.start());
    if (starts.size() == 1) return List.of(raw);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1) : raw.length;
      out.add(Arrays.copyOfRange(raw, starts.get(i), end));
    }
    return out;
  }
}
