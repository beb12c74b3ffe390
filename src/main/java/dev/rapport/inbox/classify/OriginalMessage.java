package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a bounce or complaint says about the message it is about: that message's Message-ID
 * and its recipients. Looks, in order, at returned copies and header parts (message/rfc822,
 * text/rfc822-headers and the like), then at a copy quoted in the text of a plain-text bounce or
 * run into a report part, then at a DSN's Original-Envelope-Id (an ENVID that is a Message-ID, as
 * some senders set it), then at the report's own In-Reply-To and References.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3462">RFC 3462, multipart/report</a>
 */
final class OriginalMessage {
  /**
   * A Message-ID line of a quoted copy: possibly indented or quoted with "&gt;", possibly folded.
   */
  private static final Pattern QUOTED_ID =
      Pattern.compile("(?im)^[ \\t>|]*Message-ID[ \\t]*:[ \\t>]*\\r?\\n?[ \\t>]*(<[^<>\\s]+>)");

  /** RFC 3464's per-message field: the ENVID the sender gave, xtext-encoded (RFC 3461, 4). */
  private static final Pattern ENVELOPE_ID =
      Pattern.compile("(?im)^Original-Envelope-Id[ \\t]*:[ \\t]*(\\S+)");

  private static final Pattern XTEXT_HEX = Pattern.compile("\\+([0-9A-Fa-f]{2})");

  private static final Pattern QUOTED_TO = Pattern.compile("(?im)^[ \\t>|]*(?:To|Cc)[ \\t]*:(.*)$");

  private OriginalMessage() {}

  /** Message-IDs of the original message, best sources first. */
  static List<String> messageIds(MessageView message) {
    Set<String> ids = new LinkedHashSet<>();
    for (MailHeaders attached : message.attachedHeaders()) {
      for (String v : attached.all("Message-ID")) ids.addAll(MessageIds.parse(v));
    }
    List<String> texts = new ArrayList<>();
    texts.add(message.text());
    for (MessageView.ReportPart report : message.reports())
      texts.add(report.text()); // a copy run into a report
    for (String text : texts) {
      Matcher m = QUOTED_ID.matcher(text);
      while (m.find() && ids.size() < 50) ids.addAll(MessageIds.parse(m.group(1)));
    }
    for (MessageView.ReportPart report : message.reports()) {
      Matcher m = ENVELOPE_ID.matcher(report.text());
      if (m.find()) ids.addAll(MessageIds.parse(xtextDecoded(m.group(1))));
    }
    ids.addAll(MessageIds.threadOf(message.headers()));
    return new ArrayList<>(ids);
  }

  /** "+3Cid@host+3E" is "&lt;id@host&gt;". */
  private static String xtextDecoded(String xtext) {
    return XTEXT_HEX
        .matcher(xtext)
        .replaceAll(
            r -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(r.group(1), 16))));
  }

  /**
   * The To and Cc addresses of returned copies, attached or quoted after the notice text: who the
   * original was sent to.
   */
  static List<String> recipients(MessageView message) {
    Set<String> addresses = new LinkedHashSet<>();
    for (MailHeaders attached : message.attachedHeaders()) {
      for (String v : attached.all("To")) addresses.addAll(Addresses.in(v));
      for (String v : attached.all("Cc")) addresses.addAll(Addresses.in(v));
    }
    String notice = BounceText.notice(message.text());
    if (addresses.isEmpty() && notice.length() < message.text().length()) {
      Matcher m = QUOTED_TO.matcher(message.text().substring(notice.length()));
      while (m.find()) addresses.addAll(Addresses.in(m.group(1)));
    }
    return new ArrayList<>(addresses);
  }
}
