package dev.rapport.draft;

import dev.rapport.contact.EmailAddresses;
import dev.rapport.contact.HeaderText;
import dev.rapport.template.RenderedMessage;

/**
 * What a draft says and to whom: one recipient address (null for a note the user sends by hand off
 * email, see {@link Draft#byHand()}), a one-line subject and a non-empty body. Built only from
 * valid parts; each check is also available on its own so that an edited file can be refused line
 * by line.
 */
public record DraftContent(String to, String subject, String body) {
  public static final int MAX_SUBJECT = 200;
  public static final int MAX_BODY = 15_000;

  public DraftContent {
    to = to == null ? null : to(to);
    subject = subject(subject);
    body = body(body);
  }

  /** A single bare address, or IllegalArgumentException saying what is wrong with it. */
  public static String to(String address) {
    return EmailAddresses.normalize(address);
  }

  /** A one-line, non-empty subject of at most 200 characters, or IllegalArgumentException. */
  public static String subject(String subject) {
    if (subject == null || subject.isBlank())
      throw new IllegalArgumentException("the subject is empty");
    String clean = HeaderText.require(subject);
    if (clean.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException(
          "the subject is "
              + clean.length()
              + " characters long; keep it to "
              + MAX_SUBJECT
              + " at most");
    }
    return clean;
  }

  /**
   * The body without leading blank lines or trailing spaces, or IllegalArgumentException when
   * nothing is left.
   */
  public static String body(String body) {
    String clean = body == null ? "" : RenderedMessage.cleanBody(body);
    if (clean.isBlank()) throw new IllegalArgumentException("the body is empty");
    if (clean.length() > MAX_BODY) {
      throw new IllegalArgumentException(
          "the body is "
              + clean.length()
              + " characters long; a note of at most "
              + MAX_BODY
              + " is kept");
    }
    return clean;
  }
}
