package dev.rapport.inbox.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a bounce that has no usable delivery-status part: plain-text notices from Exim, qmail,
 * Sendmail, Postfix, Exchange, Lotus Notes, old Gmail, mobile carriers and others.
 *
 * <p>Some signs are enough alone: an X-Failed-Recipients header, a mailer-daemon sender,
 * boilerplate only a mail system writes, a multipart/report of type delivery-status. Weaker signs
 * count only together, and one of them must be in the header, so a person's words alone never make
 * a bounce:
 *
 * <ul>
 *   <li>a postmaster or list-robot sender, or a bounce-like subject (after any forwarding prefix),
 *       with any one more of these signs or of the two text signs: words saying the message was not
 *       delivered, a status code or phrase naming a delivery failure;
 *   <li>a no-reply sender or an empty envelope sender ({@code Return-Path: <>}, RFC 5321 section
 *       4.5.5) — which shop and service notices share — only with words saying a message was not
 *       delivered <em>and</em> a returned copy of it (attached, or quoted after the notice).
 * </ul>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3464">RFC 3464</a>, the standard these predate
 */
final class BounceSigns {
  private static final Pattern MAILER_DAEMON =
      Pattern.compile(
          "(?i)(mailer[-_.]?daemon|mail[-_. ]delivery[-_. ](system|subsystem)|mail[-_. ]deliver[-_. ]system|^\\s*<>\\s*$)");
  private static final Pattern POSTMASTER =
      Pattern.compile("(?i)^(p+ost[-_]?master|mail[-_.]?admin|sysadmin|mmsc.*)$");
  private static final Pattern LIST_ROBOT =
      Pattern.compile(
          "(?i)^(owner-.+|.+-owner|.+-admin|.+-bounces?|.+-request|majordomo|listserv|mailman|ezmlm)$");
  private static final Pattern NO_REPLY =
      Pattern.compile("(?i)^(no[-_.]?reply|do[-_.]?not[-_.]?reply)$");
  private static final Pattern MTA_BOILERPLATE =
      Pattern.compile(
          "(?i)(Hi\\. This is the qmail-send program|This message was created automatically by mail delivery software|"
              + "This is the mail system at host|I'm sorry to have to inform you that your message could not|"
              + "The original message was received at|----- The following addresses had (permanent fatal|transient non-fatal) errors|"
              + "Delivery to the following recipients? (failed|has been delayed)|Delivery has failed to these recipients|"
              + "This is an automatically generated Delivery Status Notification|Your message did not reach some or all of the intended recipients|"
              + "I'm afraid I wasn't able to deliver your message|This is the MAILER-DAEMON|"
              + "An error has occurred while attempting to deliver a message|A message is delayed for more than)");
  private static final Pattern FORWARD_PREFIX =
      Pattern.compile("(?i)^\\s*((fwd?|wg|tr|rv)\\s*:\\s*)+");
  private static final Pattern BOUNCE_SUBJECT =
      Pattern.compile(
          "(?i)^\\s*(undelivered|undeliverable|undelivery|non[- ]?deliver|delivery (status notification|failure|failed|notification|status)|"
              + "mail delivery (failed|failure|status)|message delivery (has )?failed|delivery has failed|failure notice|failed delivery|failure delivery|"
              + "returned mail|return(ed)? to sender|mail system error|mail could not be delivered|mail failed|"
              + "permanent delivery failure|there was an error sending your mail|delayed mail|warning: message|"
              + "message not delivered|could not send message|mail failure)");

  /** Words saying a message was not delivered, in a few languages. */
  private static final Pattern UNDELIVERED =
      Pattern.compile(
          "(?iu)(not (be )?delivered|could not deliver|unable to deliver|failed to deliver|undeliverable|undelivered|"
              + "did not reach|did not receive this message|delivery (problems|failure|failed|has failed)|non-delivered|"
              + "returned to sender|error .{0,40}deliver|failure reasons|"
              + "nicht zugestellt|konnte nicht .{0,20}zugestellt|n'a pas pu .{0,20}(remis|distribu|livr)|non distribu|"
              + "no se (pudo|ha podido) entregar|kon niet .{0,20}(afgeleverd|bezorgd)|не доставлено|не может быть доставлено|"
              + "送信できませんでした|配信できませんでした|届きませんでした|配送できませんでした)");

  /**
   * Header signs that count with any one other sign; the rest (no-reply, null sender) need more.
   */
  private static final Set<String> FIRM = Set.of("postmaster", "list-robot", "bounce-subject");

  private BounceSigns() {}

  /** The sign (or signs, joined with "+") that make this message a bounce, if any. */
  static Optional<String> of(MessageView message) {
    MailHeaders h = message.headers();
    if (h.has("X-Failed-Recipients")) return Optional.of("x-failed-recipients");
    if (MAILER_DAEMON.matcher(h.first("From").orElse("")).find())
      return Optional.of("mailer-daemon");
    String notice = BounceText.notice(message.text());
    if (MTA_BOILERPLATE.matcher(notice).find()) return Optional.of("mta-notice");
    if (message.mediaType().is("multipart/report")
        && message.mediaType().parameter("report-type").contains("delivery-status")) {
      return Optional.of("delivery-status-report");
    }
    List<String> signs = headerSigns(message);
    if (signs.isEmpty()) return Optional.empty();
    boolean firm = signs.stream().anyMatch(FIRM::contains);
    boolean undelivered =
        UNDELIVERED.matcher(notice).find() || UNDELIVERED.matcher(message.subject()).find();
    if (undelivered) signs.add("undelivered-text");
    if (BounceText.hasEvidence(message.subject() + "\n" + notice)) signs.add("failure-text");
    boolean bounce = signs.size() >= 2;
    if (!firm) {
      boolean returnedCopy =
          !message.attachedHeaders().isEmpty() || notice.length() < message.text().length();
      if (returnedCopy) signs.add("returned-copy");
      bounce = undelivered && returnedCopy;
    }
    return bounce ? Optional.of(String.join("+", signs)) : Optional.empty();
  }

  private static List<String> headerSigns(MessageView message) {
    List<String> signs = new ArrayList<>();
    for (String address : message.fromAddresses()) {
      String local = Addresses.localPart(address);
      if (POSTMASTER.matcher(local).matches()) signs.add("postmaster");
      else if (LIST_ROBOT.matcher(local).matches()) signs.add("list-robot");
      else if (NO_REPLY.matcher(local).matches()) signs.add("no-reply");
      if (!signs.isEmpty()) break;
    }
    String subject = FORWARD_PREFIX.matcher(message.subject()).replaceFirst("");
    if (BOUNCE_SUBJECT.matcher(subject).find()) signs.add("bounce-subject");
    if (message.headers().first("Return-Path").map(v -> v.strip().equals("<>")).orElse(false))
      signs.add("null-sender");
    return signs;
  }
}
