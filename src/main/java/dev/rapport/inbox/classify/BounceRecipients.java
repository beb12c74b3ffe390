package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the failed recipients of a bounce without a usable delivery-status part, in order of trust:
 * the X-Failed-Recipients header (Exim), report-style fields written into the text
 * (Final-Recipient, Original-Recipient, RCPT TO), the address lines MTAs put in their notices
 * ({@code <a@b>:} in qmail and Postfix, an indented address alone on its line in Exim, {@code
 * <a@b>... User unknown} in Sendmail), then the To and Cc of a returned copy, and last any other
 * address in the notice that is not a system mailbox (postmaster, mailer-daemon …). The user's own
 * addresses and the bounce's sender are never failed recipients.
 */
final class BounceRecipients {
  private static final Pattern FIELD =
      Pattern.compile(
          "(?im)^[ \\t>]*(?:Final-Recipient|Original-Recipient|X-Failed-Recipients|RCPT TO|Original-Rcpt-To)[ \\t]*:(.*)$");
  private static final Pattern ADDRESS_LINE =
      Pattern.compile("(?m)^[ \\t>]*<?([^\\s<>@]+@[^\\s<>@]+?)>?(?:[ \\t]*:|\\.\\.\\.|[ \\t]*$)");

  private static final Pattern SYSTEM =
      Pattern.compile("(?i)(post[-_]?master|mailer[-_]?daemon|abuse|hostmaster|no[-_]?reply)");

  private BounceRecipients() {}

  static List<String> find(MessageView message, ClassificationContext context) {
    Set<String> found = new LinkedHashSet<>();
    for (String v : message.headers().all("X-Failed-Recipients")) found.addAll(Addresses.in(v));
    String notice = BounceText.notice(message.text());
    if (found.isEmpty()) {
      Matcher m = FIELD.matcher(notice);
      while (m.find()) found.addAll(Addresses.in(m.group(1)));
    }
    if (found.isEmpty()) {
      Matcher m = ADDRESS_LINE.matcher(notice);
      while (m.find()) found.addAll(Addresses.in(m.group(1)));
    }
    List<String> from = message.fromAddresses();
    found.removeIf(a -> context.isOwnAddress(a) || from.contains(a));
    if (found.isEmpty()) {
      found.addAll(OriginalMessage.recipients(message));
      found.removeIf(context::isOwnAddress);
    }
    if (found.isEmpty()) {
      found.addAll(Addresses.in(notice));
      found.removeIf(
          a ->
              context.isOwnAddress(a)
                  || from.contains(a)
                  || SYSTEM.matcher(Addresses.localPart(a)).matches());
    }
    return new ArrayList<>(found);
  }
}
