package dev.rapport.draft;

import dev.rapport.InvalidInputException;

/**
 * The text {@code drafts edit} puts in front of the user: header lines {@code To:} and {@code
 * Subject:}, a blank line, then the body. Reading it back refuses anything that could not be sent
 * as it reads, naming the line: an unknown or repeated header, a header running onto a second line,
 * a control character (a bare CR) in a header, an invalid address, an empty subject or body.
 */
public final class DraftFile {
  private DraftFile() {}

  /** The file for {@code content}; a note sent by hand (no address) has no To line. */
  public static String write(DraftContent content) {
    return (content.to() == null ? "" : "To: " + content.to() + "\n")
        + "Subject: "
        + content.subject()
        + "\n\n"
        + content.body()
        + "\n";
  }

  /** Reads an edited file, or throws InvalidInputException whose message starts with the line. */
  public static DraftContent parse(String text) {
    return parse(text, false);
  }

  /**
   * As {@link #parse(String)}; {@code byHand}: the draft is a note sent by hand, whose file has no
   * To line (its Subject is a title for lists, never sent).
   */
  public static DraftContent parse(String text, boolean byHand) {
    String[] lines = text.split("\n", -1);
    String to = null;
    String subject = null;
    int i = 0;
    for (; i < lines.length; i++) {
      String line = withoutLineEnd(lines[i]);
      int n = i + 1;
      if (line.isEmpty()) break;
      if (Character.isWhitespace(line.charAt(0))) {
        throw refused(n, "a header runs onto a second line; keep To and Subject on one line each");
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).strip();
      if (!name.matches("[A-Za-z][A-Za-z0-9-]*")) {
        throw refused(
            n,
            "expected a header such as \"Subject: ...\" or the blank line before the body, but found \""
                + shorten(line)
                + "\"");
      }
      // Spaces after the colon are layout; a CR or other control character there is still refused.
      String value = line.substring(colon + 1).replaceFirst("^[ \t]+", "");
      if (name.equalsIgnoreCase("To") && byHand) {
        throw refused(n, "a note you send by hand has no To line; take it out");
      } else if (name.equalsIgnoreCase("To")) {
        if (to != null) throw refused(n, "a second To header; a draft goes to one address");
        to = check(n, "To", () -> DraftContent.to(value));
      } else if (name.equalsIgnoreCase("Subject")) {
        if (subject != null) throw refused(n, "a second Subject header; give only one");
        subject = check(n, "Subject", () -> DraftContent.subject(value));
      } else {
        throw refused(n, "unknown header \"" + name + "\"; only To and Subject can be edited");
      }
    }
    if (i == lines.length) {
      throw new InvalidInputException(
          "the blank line between the headers and the body is missing; the file is To:, Subject:, a blank line, then the body");
    }
    if (to == null && !byHand)
      throw refused(i + 1, "the To header is missing before the blank line");
    if (subject == null)
      throw refused(i + 1, "the Subject header is missing before the blank line");
    int bodyLine = i + 2;
    StringBuilder body = new StringBuilder();
    for (int j = i + 1; j < lines.length; j++) {
      if (j > i + 1) body.append('\n');
      body.append(withoutLineEnd(lines[j]));
    }
    String cleanBody = check(bodyLine, null, () -> DraftContent.body(body.toString()));
    return new DraftContent(to, subject, cleanBody);
  }

  private interface Check {
    String run();
  }

  private static String check(int line, String what, Check check) {
    try {
      return check.run();
    } catch (IllegalArgumentException e) {
      throw refused(line, (what == null ? "" : what + ": ") + e.getMessage());
    }
  }

  /**
   * A CR right before the LF is a line ending some editors write; any other CR stays and is refused
   * in headers.
   */
  private static String withoutLineEnd(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static InvalidInputException refused(int line, String why) {
    return new InvalidInputException("line " + line + ": " + why);
  }

  private static String shorten(String s) {
    String visible = s.replaceAll("\\p{Cntrl}", "?");
    return visible.length() > 60 ? visible.substring(0, 57) + "..." : visible;
  }
}
