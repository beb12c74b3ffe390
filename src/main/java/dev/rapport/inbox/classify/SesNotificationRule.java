package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Amazon SES notification delivered by mail (through SNS): a JSON object whose {@code
 * notificationType} (or {@code eventType}) is Bounce, Complaint or Delivery. A Permanent bounce is
 * hard, a Transient one soft, an Undetermined one decided by its status codes. The JSON is read
 * field by field with patterns rather than parsed whole, because SNS mail breaks long lines inside
 * string values.
 *
 * @see <a href="https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html">SES
 *     notification contents</a>
 */
final class SesNotificationRule implements Rule {
  private static final Pattern TYPE =
      Pattern.compile("\"(?:notificationType|eventType)\"\\s*:\\s*\"(Bounce|Complaint|Delivery)\"");
  private static final Pattern BOUNCE_TYPE = Pattern.compile("\"bounceType\"\\s*:\\s*\"(\\w+)\"");
  private static final Pattern RECIPIENT = Pattern.compile("\"emailAddress\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern DELIVERED_TO =
      Pattern.compile("\"recipients\"\\s*:\\s*\\[([^\\]]*)\\]");
  private static final Pattern STATUS =
      Pattern.compile("\"status\"\\s*:\\s*\"([245]\\.\\d{1,3}\\.\\d{1,3})\"");
  private static final Pattern SMTP_RESPONSE =
      Pattern.compile("\"smtpResponse\"\\s*:\\s*\"([245]\\d\\d)[ \"]");
  private static final Pattern MESSAGE_ID_HEADER =
      Pattern.compile(
          "\\{\\s*\"name\"\\s*:\\s*\"Message-ID\"\\s*,\\s*\"value\"\\s*:\\s*\"([^\"]+)\"",
          Pattern.CASE_INSENSITIVE);

  @Override
  public String name() {
    return "ses-notification";
  }

  @Override
  public Optional<Classification> apply(MessageView message, ClassificationContext context) {
    String text =
        message.text().strip().replace("\\\"", "\""); // SNS wraps the SES JSON in a JSON string
    if (!text.startsWith("{")) return Optional.empty();
    Matcher type = TYPE.matcher(text);
    if (!type.find()) return Optional.empty();
    List<String> codes = all(STATUS, text);
    codes.addAll(all(SMTP_RESPONSE, text));
    Kind kind =
        switch (type.group(1)) {
          case "Complaint" -> Kind.COMPLAINT;
          case "Delivery" -> Kind.DELIVERY_REPORT;
          default -> bounceKind(text, codes);
        };
    Set<String> recipients = new LinkedHashSet<>();
    for (String r : all(RECIPIENT, text)) recipients.addAll(Addresses.in(r));
    if (kind == Kind.DELIVERY_REPORT)
      for (String r : all(DELIVERED_TO, text)) recipients.addAll(Addresses.in(r));
    recipients.removeIf(context::isOwnAddress);
    Set<String> ids = new LinkedHashSet<>();
    for (String id : all(MESSAGE_ID_HEADER, text)) ids.addAll(MessageIds.parse(id));
    return Optional.of(
        Classification.of(kind, name())
            .withStatusCodes(codes)
            .withRecipients(new ArrayList<>(recipients))
            .withOriginalMessageIds(new ArrayList<>(ids))
            .withDetail(type.group(1) + " notification"));
  }

  private static Kind bounceKind(String text, List<String> codes) {
    Matcher bounceType = BOUNCE_TYPE.matcher(text);
    String t = bounceType.find() ? bounceType.group(1) : "";
    if (t.equals("Permanent")) return Kind.BOUNCE_HARD;
    if (t.equals("Transient")) return Kind.BOUNCE_SOFT;
    if (StatusCodes.anyOfClass(codes, '5')) return Kind.BOUNCE_HARD;
    return StatusCodes.anyOfClass(codes, '4') ? Kind.BOUNCE_SOFT : Kind.BOUNCE_HARD;
  }

  private static List<String> all(Pattern p, String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = p.matcher(text);
    while (m.find() && found.size() < 100) found.add(m.group(1));
    return new ArrayList<>(found);
  }
}
