package dev.rapport.inbox.classify;

import java.io.ByteArrayOutputStream;

/**
 * Brings raw message bytes to the CR LF line ends that RFC 5322 section 2.1 requires, whatever the
 * mailbox or file handed over: CR LF, bare LF and bare CR (old Mac tools) all become CR LF, so that
 * header folding and MIME boundaries are found the same way in each. A leading mbox separator line
 * ({@code From sender date}, no colon) is dropped, since it is not a header.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5322#section-2.1">RFC 5322, 2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4155">RFC 4155, the mbox format</a>
 */
final class LineEndings {
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private LineEndings() {}

  /** Returns a copy of {@code raw} with every line ending as CR LF and no mbox separator line. */
  static byte[] toCrlf(byte[] raw) {
    int start = mboxSeparatorEnd(raw);
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + raw.length / 32 + 16);
    for (int i = start; i < raw.length; i++) {
      byte b = raw[i];
      if (b == CR) {
        out.write(CR);
        out.write(LF);
        if (i + 1 < raw.length && raw[i + 1] == LF) i++;
      } else if (b == LF) {
        out.write(CR);
        out.write(LF);
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  /** The index after an mbox "From " line at the very start, or 0 when there is none. */
  private static int mboxSeparatorEnd(byte[] raw) {
    if (raw.length < 5
        || raw[0] != 'F'
        || raw[1] != 'r'
        || raw[2] != 'o'
        || raw[3] != 'm'
        || raw[4] != ' ') {
      return 0;
    }
    int i = 5;
    while (i < raw.length && (raw[i] == ' ' || raw[i] == '\t')) i++;
    if (i < raw.length && raw[i] == ':') return 0; // the obsolete "From : x" header form
    for (; i < raw.length; i++) {
      if (raw[i] == LF) return i + 1;
      if (raw[i] == CR) return i + 1 < raw.length && raw[i + 1] == LF ? i + 2 : i + 1;
    }
    return raw.length;
  }
}
