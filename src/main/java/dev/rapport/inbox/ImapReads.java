package dev.rapport.inbox;

import dev.rapport.inbox.classify.MailHeaders;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * The few IMAP reads the watcher needs, as single commands by UID on the folder's own connection:
 * UID SEARCH SINCE, and UID FETCH of header fields or of a capped body, always with BODY.PEEK so
 * that \Seen is never set. Going below Angus Mail's message objects keeps nothing cached per
 * message (memory stays flat over a large mailbox), sends one command per batch, and is unaffected
 * by other clients expunging meanwhile (UIDs do not shift).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3501#section-6.4.8">RFC 3501, 6.4.8 UID</a>
 */
final class ImapReads {
  private ImapReads() {}

  /** UIDs of the messages received since the given day (the server's internal date), ascending. */
  static long[] uidsSince(IMAPFolder folder, Date day) throws MessagingException {
    String date = new SimpleDateFormat("d-MMM-yyyy", Locale.ENGLISH).format(day);
    Object result =
        folder.doCommand(
            p -> {
              Response[] r = p.command("UID SEARCH SINCE " + date, null);
              List<Long> uids = new ArrayList<>();
              for (Response x : r) {
                if (x instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
                  long n;
                  while ((n = ir.readLong()) != -1) uids.add(n);
                }
              }
              p.notifyResponseHandlers(r);
              p.handleResult(r[r.length - 1]);
              return uids.stream().mapToLong(Long::longValue).sorted().toArray();
            });
    return (long[]) result;
  }

  /**
   * The named header fields, size and UID of each message; messages gone meanwhile are simply
   * absent.
   */
  static List<IncomingHeaders> headers(IMAPFolder folder, long[] uids, List<String> fields)
      throws MessagingException {
    if (uids.length == 0) return List.of();
    String what = "(UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS (" + String.join(" ", fields) + ")])";
    List<IncomingHeaders> out = new ArrayList<>(uids.length);
    for (FetchResponse f : fetch(folder, uids, what)) {
      UID uid = f.getItem(UID.class);
      BODY body = f.getItem(BODY.class);
      if (uid == null || body == null) continue;
      RFC822SIZE size = f.getItem(RFC822SIZE.class);
      byte[] bytes = body.getByteArray() == null ? new byte[0] : body.getByteArray().getNewBytes();
      String text = new String(bytes, StandardCharsets.UTF_8);
      out.add(
          new IncomingHeaders(
              uid.uid, size == null ? 0 : (int) size.size, MailHeaders.parse(text)));
    }
    out.sort((a, b) -> Long.compare(a.uid(), b.uid()));
    return out;
  }

  /** The first {@code cap} bytes of each message, peeked, by UID. */
  static Map<Long, byte[]> bodies(IMAPFolder folder, long[] uids, int cap)
      throws MessagingException {
    Map<Long, byte[]> out = new HashMap<>();
    if (uids.length == 0) return out;
    for (FetchResponse f : fetch(folder, uids, "(UID BODY.PEEK[]<0." + cap + ">)")) {
      UID uid = f.getItem(UID.class);
      BODY body = f.getItem(BODY.class);
      if (uid != null && body != null && body.getByteArray() != null)
        out.put(uid.uid, body.getByteArray().getNewBytes());
    }
    return out;
  }

  private static List<FetchResponse> fetch(IMAPFolder folder, long[] uids, String what)
      throws MessagingException {
    String set = uidSet(uids);
    Object result =
        folder.doCommand(
            p -> {
              Response[] r = p.command("UID FETCH " + set + " " + what, null);
              List<FetchResponse> fetched = new ArrayList<>();
              for (Response x : r) if (x instanceof FetchResponse f) fetched.add(f);
              p.notifyResponseHandlers(r);
              p.handleResult(r[r.length - 1]);
              return fetched;
            });
    @SuppressWarnings("unchecked")
    List<FetchResponse> list = (List<FetchResponse>) result;
    return list;
  }

  /** A compact UID set: runs of consecutive UIDs as {@code a:b}, joined by commas. */
  static String uidSet(long[] uids) {
    long[] sorted = uids.clone();
    Arrays.sort(sorted);
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j + 1 < sorted.length && sorted[j + 1] <= sorted[j] + 1) j++;
      if (b.length() > 0) b.append(',');
      b.append(sorted[i]);
      if (sorted[j] != sorted[i]) b.append(':').append(sorted[j]);
      i = j + 1;
    }
    return b.toString();
  }
}
