package dev.rapport.draft;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text in double square brackets, {@code [[like this]]}, is a placeholder a template leaves for the
 * user to fill in with their own words: a line of news, something they saw of the contact. A draft
 * that still has one is not approved, so it can never be sent as it stands.
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\[\\[(.*?)]]", Pattern.DOTALL);

  private Placeholders() {}

  /** The first placeholder in the subject or the body, brackets included. */
  public static Optional<String> first(DraftContent content) {
    return first(content.subject()).or(() -> first(content.body()));
  }

  static Optional<String> first(String text) {
    if (text == null) return Optional.empty();
    Matcher m = PLACEHOLDER.matcher(text);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }
}
