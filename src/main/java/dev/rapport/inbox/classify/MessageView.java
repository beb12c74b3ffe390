package dev.rapport.inbox.classify;

import java.util.List;

/**
 * What the classifier sees of one incoming message, read once from its raw bytes by {@link
 * MessageReader}. Immutable and safe to share.
 *
 * @param headers the top-level header fields
 * @param text the message's own human-readable text, with LF line ends: its text/plain parts
 *     (text/html ones as rough text when no plain alternative exists), decoded, at most a fixed
 *     number of characters; attached messages are not part of it
 * @param reports machine-readable report parts: message/delivery-status,
 *     message/global-delivery-status and message/feedback-report, decoded
 * @param attachedHeaders the headers of returned or attached messages (message/rfc822,
 *     message/global, text/rfc822-headers, message/global-headers), in order
 * @param problems what could not be read cleanly (broken MIME, unknown encodings, text cut at the
 *     size cap); empty for a clean message
 * @param readable false when nothing useful could be read, not even a header
 */
public record MessageView(
    MailHeaders headers,
    String text,
    List<ReportPart> reports,
    List<MailHeaders> attachedHeaders,
    List<String> problems,
    boolean readable) {

  /** One machine-readable report part: its media type and its decoded text. */
  public record ReportPart(MediaType type, String text) {}

  public MessageView {
    text = text == null ? "" : text;
    reports = List.copyOf(reports);
    attachedHeaders = List.copyOf(attachedHeaders);
    problems = List.copyOf(problems);
  }

  /** A view of input from which nothing could be read. */
  static MessageView unreadable(String problem) {
    return new MessageView(MailHeaders.EMPTY, "", List.of(), List.of(), List.of(problem), false);
  }

  /** The top-level Content-Type, text/plain when absent. */
  public MediaType mediaType() {
    return MediaType.parse(headers.first("Content-Type").orElse(null));
  }

  /** The decoded Subject, "" when absent. */
  public String subject() {
    return headers.decoded("Subject").strip();
  }

  /** The bare addresses in From, lower-cased. */
  public List<String> fromAddresses() {
    return Addresses.in(headers.first("From").orElse(""));
  }
}
