package dev.rapport.inbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds the first {@code text/calendar} part of a message (RFC 6047, iMIP), decoded, whether it is
 * the whole body, an alternative beside the text or an attachment. Messages that do not mention
 * text/calendar anywhere are not parsed at all.
 */
final class CalendarPart {
  private static final int MAX_DEPTH = 5;
  private static final int MAX_BYTES = 256 * 1024;
  private static final byte[] MARK = "text/calendar".getBytes(StandardCharsets.US_ASCII);
  private static final Session SESSION = Session.getInstance(new Properties());

  private CalendarPart() {}

  static Optional<String> find(byte[] raw) {
    if (!mentions(raw)) return Optional.empty();
    try {
      MimeMessage m = new MimeMessage(SESSION, new SharedByteArrayInputStream(raw));
      return find(m, 0);
    } catch (MessagingException | IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> find(Part part, int depth)
      throws MessagingException, IOException {
    if (depth > MAX_DEPTH) return Optional.empty();
    ContentType type =
        new ContentType(part.getContentType() == null ? "text/plain" : part.getContentType());
    if (type.match("text/calendar")) return Optional.of(read(part, type));
    if (type.getPrimaryType().equalsIgnoreCase("multipart")) {
      Object content = part.getContent();
      if (content instanceof Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart child = mp.getBodyPart(i);
          Optional<String> found = find(child, depth + 1);
          if (found.isPresent()) return found;
        }
      }
    }
    return Optional.empty();
  }

  private static String read(Part part, ContentType type) throws MessagingException, IOException {
    Charset charset = StandardCharsets.UTF_8;
    String name = type.getParameter("charset");
    if (name != null) {
      try {
        charset = Charset.forName(name.strip());
      } catch (RuntimeException e) {
        charset = StandardCharsets.UTF_8;
      }
    }
    try (InputStream in = part.getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0 && out.size() < MAX_BYTES) out.write(buf, 0, n);
      return out.toString(charset);
    }
  }

  /** A cheap look for "text/calendar" in any case before any parsing. */
  private static boolean mentions(byte[] raw) {
    outer:
    for (int i = 0; i + MARK.length <= raw.length; i++) {
      for (int j = 0; j < MARK.length; j++) {
        byte b = raw[i + j];
        if (b >= 'A' && b <= 'Z') b = (byte) (b + 32);
        if (b != MARK[j]) continue outer;
      }
      return true;
    }
    return false;
  }
}
