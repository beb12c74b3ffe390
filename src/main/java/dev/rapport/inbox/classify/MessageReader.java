package dev.rapport.inbox.classify;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads raw RFC 5322 bytes into a {@link MessageView} with Jakarta Mail, and never throws. Line
 * ends are normalised first ({@link LineEndings}); a multipart that cannot be split, an unknown
 * transfer encoding or charset, or a part that cannot be read is noted as a problem and read as
 * well as it can be (the raw body as text, the header alone). The text kept is capped, so a huge
 * message costs little more than its headers.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5322">RFC 5322</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2046">RFC 2046, MIME media types</a>
 */
public final class MessageReader {
  /** Default cap on the text kept from a message, in characters. */
  public static final int DEFAULT_MAX_TEXT_CHARS = 256 * 1024;

  private static final int MAX_DEPTH = 12;
  private static final int MAX_PARTS = 500;
  private static final int MAX_ATTACHED_HEADER_BYTES = 256 * 1024;

  /**
   * A message has at least one of these (RFC 5322 sections 3.6.2 to 3.6.7); random input has none.
   */
  private static final List<String> MAIL_FIELDS =
      List.of(
          "From",
          "Sender",
          "To",
          "Subject",
          "Date",
          "Message-ID",
          "Received",
          "Return-Path",
          "Content-Type",
          "MIME-Version");

  private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");

  private final int maxTextChars;
  private final Session session;

  public MessageReader() {
    this(DEFAULT_MAX_TEXT_CHARS);
  }

  public MessageReader(int maxTextChars) {
    if (maxTextChars < 1) throw new IllegalArgumentException("maxTextChars must be positive");
    this.maxTextChars = maxTextChars;
    Properties properties = new Properties();
    properties.setProperty("mail.mime.allowutf8", "true");
    properties.setProperty("mail.mime.address.strict", "false");
    this.session = Session.getInstance(properties);
  }

  /**
   * Reads the bytes once for everything that looks at them: the message, or each message of an mbox
   * of several. Never throws.
   */
  public ReadMessage readAll(byte[] raw) {
    if (raw == null || raw.length == 0) return new ReadMessage(List.of(read(raw)));
    return new ReadMessage(MboxMessages.split(raw).stream().map(this::read).toList());
  }

  /** Reads the message; on input that is not mail at all the view is marked unreadable. */
  public MessageView read(byte[] raw) {
    if (raw == null || raw.length == 0) return MessageView.unreadable("empty message");
    try {
      return parse(LineEndings.toCrlf(raw));
    } catch (RuntimeException | StackOverflowError e) {
      return MessageView.unreadable("could not read the message: " + describe(e));
    }
  }

  private MessageView parse(byte[] bytes) {
    Collector collected = new Collector(maxTextChars);
    MimeMessage message;
    try {
      message =
          new MimeMessage(
              session, new SharedByteArrayInputStream(bytes)); // parts share the bytes, no copies
    } catch (MessagingException e) {
      return MessageView.unreadable("no readable header: " + describe(e));
    }
    MailHeaders headers = headersOf(message, collected);
    if (MAIL_FIELDS.stream().noneMatch(headers::has)) {
      return new MessageView(
          headers,
          "",
          List.of(),
          List.of(),
          List.of("no mail header fields (From, Date, Subject …) found: not a mail message"),
          false);
    }
    walk(message, 0, collected);
    String text = collected.text();
    return new MessageView(
        headers, text, collected.reports, collected.attached, collected.problems, true);
  }

  private void walk(Part part, int depth, Collector c) {
    if (depth > MAX_DEPTH || ++c.parts > MAX_PARTS) {
      c.problem(
          "MIME structure deeper or larger than "
              + MAX_DEPTH
              + " levels / "
              + MAX_PARTS
              + " parts; rest skipped");
      return;
    }
    MediaType type = MediaType.parse(header(part, "Content-Type"));
    String t = type.type();
    if (depth > 0 && header(part, "Message-ID") != null) {
      // A returned copy pasted in as a body part without a blank line: its headers are the part's
      // own.
      c.attached.add(partHeaders(part));
    }
    if (type.isMultipart()) {
      walkMultipart(part, type, depth, c);
    } else if (t.equals("message/rfc822")
        || t.equals("message/global")
        || t.equals("message/partial")
        || t.equals("text/rfc822-headers")
        || t.equals("message/global-headers")) {
      c.attached.add(
          MailHeaders.parse(
              TextDecoding.decode(bytes(part, MAX_ATTACHED_HEADER_BYTES, c), "utf-8")));
    } else if (t.startsWith("text/") && isAttachment(part)) {
      // Some mail systems return the original headers as a text attachment.
      MailHeaders headers =
          MailHeaders.parse(
              TextDecoding.decode(bytes(part, MAX_ATTACHED_HEADER_BYTES, c), "utf-8"));
      if (headers.has("Message-ID") || headers.has("Received")) c.attached.add(headers);
    } else if (t.equals("message/delivery-status")
        || t.equals("message/global-delivery-status")
        || t.equals("message/feedback-report")) {
      c.reports.add(
          new MessageView.ReportPart(
              type, lines(TextDecoding.decode(bytes(part, maxTextChars, c), "utf-8"))));
    } else if (t.equals("text/html")) {
      c.addText(HtmlText.toText(text(part, type, c)));
    } else if (t.startsWith("text/")) {
      c.addText(text(part, type, c));
    }
  }

  private void walkMultipart(Part part, MediaType type, int depth, Collector c) {
    List<BodyPart> children = new ArrayList<>();
    try {
      MimeMultipart multipart =
          new MimeMultipart(new MimePartDataSource((jakarta.mail.internet.MimePart) part));
      for (int i = 0; i < multipart.getCount(); i++) children.add(multipart.getBodyPart(i));
    } catch (MessagingException | RuntimeException e) {
      c.problem("broken multipart (" + describe(e) + "): body read as plain text");
      c.addText(TextDecoding.guess(rawBytes(part, maxTextChars, c)));
      return;
    }
    if (type.is("multipart/alternative")) {
      BodyPart best = bestAlternative(children);
      if (best != null) walk(best, depth + 1, c);
      return;
    }
    for (BodyPart child : children) walk(child, depth + 1, c);
  }

  /** The plain-text alternative when there is one, else the last, richest one (RFC 2046, 5.1.4). */
  private static BodyPart bestAlternative(List<BodyPart> children) {
    for (BodyPart child : children) {
      if (MediaType.parse(header(child, "Content-Type")).is("text/plain")) return child;
    }
    return children.isEmpty() ? null : children.get(children.size() - 1);
  }

  private String text(Part part, MediaType type, Collector c) {
    return TextDecoding.decode(bytes(part, c.remaining() * 4L + 16, c), type.parameter("charset"));
  }

  /** The part's body with its transfer encoding undone, at most {@code limit} bytes. */
  private static byte[] bytes(Part part, long limit, Collector c) {
    String encoding = header(part, "Content-Transfer-Encoding");
    encoding = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
    boolean decodable =
        switch (encoding) {
          case "base64", "quoted-printable", "uuencode", "x-uuencode", "x-uue" -> true;
          default -> false;
        };
    if (!encoding.isEmpty() && !decodable && !encoding.matches("7bit|8bit|binary")) {
      c.problem("unknown transfer encoding \"" + encoding + "\": read as it is");
    }
    try (InputStream raw = rawStream(part)) {
      if (!decodable) return readAtMost(raw, limit, c);
      try (InputStream decoded = MimeUtility.decode(raw, encoding)) {
        return readAtMost(decoded, limit, c);
      }
    } catch (MessagingException | IOException | RuntimeException e) {
      c.problem("part could not be decoded (" + describe(e) + "): read as it is");
      return rawBytes(part, limit, c);
    }
  }

  private static byte[] rawBytes(Part part, long limit, Collector c) {
    try (InputStream raw = rawStream(part)) {
      return readAtMost(raw, limit, c);
    } catch (MessagingException | IOException | RuntimeException e) {
      c.problem("part could not be read: " + describe(e));
      return new byte[0];
    }
  }

  private static InputStream rawStream(Part part) throws MessagingException {
    if (part instanceof MimeBodyPart body) return body.getRawInputStream();
    if (part instanceof MimeMessage message) return message.getRawInputStream();
    try {
      return part.getInputStream();
    } catch (IOException e) {
      throw new MessagingException("unreadable part", e);
    }
  }

  /** Reads up to {@code limit} bytes, keeping what was read when the stream fails midway. */
  private static byte[] readAtMost(InputStream in, long limit, Collector c) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long left = limit;
    try {
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        out.write(buffer, 0, n);
        left -= n;
      }
    } catch (IOException e) {
      if (out.size() == 0) throw e;
      c.problem("part ended early (" + describe(e) + "): kept what was read");
    }
    return out.toByteArray();
  }

  private static MailHeaders headersOf(MimeMessage message, Collector c) {
    List<MailHeaders.Field> fields = new ArrayList<>();
    try {
      for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
        Header h = all.nextElement();
        if (h.getValue() == null || !FIELD_NAME.matcher(h.getName()).matches()) continue;
        if (h.getValue().length() > MailHeaders.MAX_VALUE_CHARS) {
          c.problem(
              "header "
                  + h.getName()
                  + " longer than "
                  + MailHeaders.MAX_VALUE_CHARS
                  + " characters: cut");
        }
        fields.add(new MailHeaders.Field(h.getName(), h.getValue()));
      }
    } catch (MessagingException | RuntimeException e) {
      c.problem("headers could not be listed: " + describe(e));
    }
    return new MailHeaders(fields);
  }

  private static MailHeaders partHeaders(Part part) {
    List<MailHeaders.Field> fields = new ArrayList<>();
    try {
      for (Enumeration<Header> all = part.getAllHeaders(); all.hasMoreElements(); ) {
        Header h = all.nextElement();
        if (h.getValue() != null && FIELD_NAME.matcher(h.getName()).matches())
          fields.add(new MailHeaders.Field(h.getName(), h.getValue()));
      }
    } catch (MessagingException | RuntimeException e) {
      return MailHeaders.EMPTY;
    }
    return new MailHeaders(fields);
  }

  private static String header(Part part, String name) {
    try {
      String[] values = part.getHeader(name);
      return values == null || values.length == 0 ? null : values[0];
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  private static boolean isAttachment(Part part) {
    String disposition = header(part, "Content-Disposition");
    return disposition != null
        && disposition.strip().toLowerCase(Locale.ROOT).startsWith("attachment");
  }

  /** Text with LF line ends, as every rule expects. */
  private static String lines(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** What the walk gathers; the text stops growing at the cap. */
  private static final class Collector {
    final int maxTextChars;
    final StringBuilder text = new StringBuilder();
    final List<MessageView.ReportPart> reports = new ArrayList<>();
    final List<MailHeaders> attached = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    int parts;
    boolean truncated;

    Collector(int maxTextChars) {
      this.maxTextChars = maxTextChars;
    }

    int remaining() {
      return Math.max(0, maxTextChars - text.length());
    }

    void addText(String raw) {
      String s = lines(raw);
      if (s.isEmpty()) return;
      if (text.length() > 0) text.append('\n');
      int room = remaining();
      if (s.length() > room) {
        text.append(s, 0, room);
        truncated = true;
      } else {
        text.append(s);
      }
    }

    String text() {
      if (truncated) problem("text longer than " + maxTextChars + " characters: cut");
      return text.toString();
    }

    void problem(String problem) {
      if (!problems.contains(problem) && problems.size() < 50) problems.add(problem);
    }
  }
}
