package dev.rapport.template;

import java.util.function.Supplier;

/**
 * A rendered message template: its subject (from the first line, {@code Subject: ...}) and its body
 * (everything after the blank line that follows). The body loses trailing blanks and leading blank
 * lines; nothing else is changed.
 */
public record RenderedMessage(String template, String subject, String body) {
  private static final String SUBJECT = "Subject:";

  /** {@code file} names the template in an error only: working it out costs file lookups. */
  static RenderedMessage parse(Supplier<String> file, String template, String text) {
    String normalized = text.replace("\r\n", "\n");
    int firstBreak = normalized.indexOf('\n');
    String first = firstBreak < 0 ? normalized : normalized.substring(0, firstBreak);
    if (!first.regionMatches(true, 0, SUBJECT, 0, SUBJECT.length())) {
      throw new TemplateRenderException(
          file.get()
              + ": the first line must be the subject, as in \"Subject: A question about your work\", but it is \""
              + shorten(first)
              + "\"");
    }
    String rest = firstBreak < 0 ? "" : normalized.substring(firstBreak + 1);
    int secondBreak = rest.indexOf('\n');
    String second = secondBreak < 0 ? rest : rest.substring(0, secondBreak);
    if (!second.isBlank()) {
      throw new TemplateRenderException(
          file.get()
              + ": the subject must be one line followed by a blank line, but line 2 reads \""
              + shorten(second)
              + "\" (a value in the subject may hold a line break)");
    }
    String body = secondBreak < 0 ? "" : rest.substring(secondBreak + 1);
    return new RenderedMessage(
        template, first.substring(SUBJECT.length()).strip(), cleanBody(body));
  }

  /** Removes leading blank lines and trailing whitespace: the form drafts keep a body in. */
  public static String cleanBody(String body) {
    String text = body.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
    int start = 0;
    while (true) {
      int nl = text.indexOf('\n', start);
      if (nl < 0 || !text.substring(start, nl).isBlank()) break;
      start = nl + 1;
    }
    return text.substring(start);
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
