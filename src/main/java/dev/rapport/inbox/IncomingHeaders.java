package dev.rapport.inbox;

import dev.rapport.inbox.classify.Addresses;
import dev.rapport.inbox.classify.MailHeaders;
import dev.rapport.inbox.classify.MessageIds;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The header fields fetched for one message in a folder, before anything else of it is downloaded:
 * enough to tell whether it may concern a contact and to recognise it again.
 */
public record IncomingHeaders(long uid, int size, MailHeaders headers) {
  /** The header fields fetched in the batch FETCH; nothing else is read from unrelated mail. */
  public static final List<String> FIELDS =
      List.of(
          "From",
          "To",
          "Subject",
          "Message-ID",
          "In-Reply-To",
          "References",
          "Auto-Submitted",
          "X-Autoreply",
          "X-Autorespond",
          "Precedence",
          "List-Id",
          "List-Unsubscribe",
          "X-Auto-Response-Suppress",
          "X-MS-Exchange-Inbox-Rules-Loop",
          "X-Apple-Action",
          "X-Apple-Criteria",
          "X-Failed-Recipients",
          "Content-Type",
          "Return-Path",
          "Date");

  private static final Pattern BOUNCE_SENDER =
      Pattern.compile(
          "mailer-daemon|postmaster|mail-delivery|mail delivery|maildelivery|abuse|feedback|complaints?@|bounce|no-?reply@.*amazonses",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BOUNCE_SUBJECT =
      Pattern.compile(
          "undeliver|undelivered|delivery (status|failure|failed|has failed|notification)|returned mail|mail delivery|failure notice"
              + "|delivery report|non-?delivery|could not be delivered|abuse report|complaint|unzustellbar|nicht zugestellt"
              + "|non remis|no entregado|rapport de non",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s");

  private static final Pattern PLAIN_ADDRESS = Pattern.compile("[^\\s<>\",;:()]+@[^\\s<>\",;:()]+");

  /** The message's own Message-ID (in angle brackets), if it has one. */
  public Optional<String> messageId() {
    return headers.first("Message-ID").flatMap(v -> MessageIds.parse(v).stream().findFirst());
  }

  /**
   * What recognises this message again after the server renumbered its UIDs: its Message-ID, or a
   * hash of the header fields fetched when it has none.
   */
  public String key() {
    Optional<String> id = messageId();
    if (id.isPresent() && id.get().length() <= 990) return id.get();
    StringBuilder all = new StringBuilder();
    for (MailHeaders.Field f : headers.fields())
      all.append(f.name()).append(':').append(f.value()).append('\n');
    all.append("size:").append(size);
    return "sha256:" + sha256(all.toString());
  }

  /** The sender's bare address, lower-cased, or empty. */
  public String from() {
    return address(headers.first("From").orElse(""));
  }

  public String subject() {
    return headers.has("Subject") ? headers.decoded("Subject") : "";
  }

  /** In-Reply-To, then References from the newest to the oldest; commas are separators too. */
  public List<String> thread() {
    return MessageIds.threadOf(headers);
  }

  public Optional<Instant> date() {
    return headers
        .first("Date")
        .map(
            d -> {
              java.util.Date parsed = new MailDateFormat().parse(d.strip(), new ParsePosition(0));
              return parsed == null ? null : parsed.toInstant();
            });
  }

  /**
   * True when the message might be a bounce or a report: these come from a mail system, not from
   * the contact, and are matched by the recipient and Message-ID inside them, so their body has to
   * be read.
   */
  public boolean looksLikeReport() {
    String type = headers.first("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    String returnPath =
        WHITE_SPACE.matcher(headers.first("Return-Path").orElse("x")).replaceAll("");
    return type.startsWith("multipart/report")
        || headers.has("X-Failed-Recipients")
        || returnPath.equals("<>")
        || BOUNCE_SENDER.matcher(headers.first("From").orElse("")).find()
        || BOUNCE_SUBJECT.matcher(subject()).find();
  }

  /** The bytes of these header fields as a message header block, for the classifier. */
  public byte[] asHeaderBlock() {
    StringBuilder b = new StringBuilder();
    for (MailHeaders.Field f : headers.fields())
      b.append(f.name()).append(": ").append(f.value()).append("\r\n");
    return b.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  static String address(String value) {
    if (value == null || value.isBlank()) return "";
    try {
      InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
      String a = parsed.length > 0 ? parsed[0].getAddress() : null;
      if (a != null) a = Addresses.canonical(a);
      if (a != null && (PLAIN_ADDRESS.matcher(a).matches() || a.startsWith("\""))) return a;
    } catch (AddressException | RuntimeException e) {
      // fall through to the plain search
    }
    var m = PLAIN_ADDRESS.matcher(value);
    return m.find() ? m.group().toLowerCase(Locale.ROOT) : "";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
