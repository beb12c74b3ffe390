package dev.rapport.draft;

import java.util.regex.Pattern;

/**
 * The small text repairs that put the user's own phrases into a template's sentences without stray
 * capitals, missing full stops or broken placeholders.
 */
final class Phrases {
  /** The longest research note quoted into a placeholder; the rest is on the timeline. */
  static final int MAX_QUOTE = 120;

  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern LOWER_WORD = Pattern.compile("\\p{Lu}[\\p{Ll}'’-]+");

  private Phrases() {}

  /**
   * A phrase as it reads inside a sentence: "Product management in health tech" becomes "product
   * management in health tech". The capital stays when the first word looks like a name or an
   * acronym: more than its first letter in capitals ("AI", "McKinsey", "UX"), a digit, a single
   * letter ("I"), or followed by another capitalised word ("New York finance", "Product
   * Management").
   */
  static String midSentence(String phrase) {
    if (phrase == null) return null;
    String text = phrase.strip();
    String[] words = SPACE.split(text, 3);
    String first = words[0];
    if (!LOWER_WORD.matcher(first).matches()) return text;
    if (words.length > 1 && !words[1].isEmpty() && Character.isUpperCase(words[1].charAt(0)))
      return text;
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * A phrase as a sentence of its own: a capital first letter and a full stop when it ends without
   * one ("exploring product roles" becomes "Exploring product roles."). Null for nothing.
   */
  static String sentence(String phrase) {
    if (phrase == null || phrase.isBlank()) return null;
    String text = SPACE.matcher(phrase.strip()).replaceAll(" ");
    if (Character.isLowerCase(text.charAt(0)))
      text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
    String end = text.replaceAll("[\"'’”)]+$", "");
    if (!end.isEmpty() && ".!?…:".indexOf(end.charAt(end.length() - 1)) < 0) text = text + ".";
    return text;
  }

  /**
   * A note as it can be quoted inside a {@code [[placeholder]]}: one line, square brackets and
   * double quotes replaced so the placeholder stays whole, at most {@link #MAX_QUOTE} characters
   * (cut at a word, with "…"). Null for nothing.
   */
  static String quotable(String note) {
    if (note == null || note.isBlank()) return null;
    String text =
        SPACE
            .matcher(note.strip())
            .replaceAll(" ")
            .replace('[', '(')
            .replace(']', ')')
            .replace('"', '\'');
    if (text.length() <= MAX_QUOTE) return text;
    String cut = text.substring(0, MAX_QUOTE - 1);
    int space = cut.lastIndexOf(' ');
    if (space > MAX_QUOTE / 2) cut = cut.substring(0, space);
    return cut.stripTrailing() + "…";
  }
}
