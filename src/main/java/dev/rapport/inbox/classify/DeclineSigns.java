package dev.rapport.inbox.classify;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a reply's own words (see {@link ReplyWords}) read like a polite "no", in English, German,
 * French, Spanish or Dutch: a phrase that declines ("unfortunately I don't have time", "leider
 * keine Zeit", "malheureusement", "lamentablemente", "helaas") and no phrase that agrees or offers
 * a time ("happy to", "gerne", "avec plaisir", "con gusto", "graag", "how about Tuesday"). Only a
 * suggestion for the user to confirm: the watcher records it, it moves no stage. "No problem" and
 * "I can't wait" are not declines. Never throws.
 */
public final class DeclineSigns {
  private DeclineSigns() {}

  /** Words that decline, per language; matched case-insensitively on word boundaries. */
  private static final List<Pattern> DECLINES =
      compile(
          // English
          "unfortunately",
          "i'?m afraid (?:i|we)",
          "regret(?:fully)? (?:to|that|i)",
          "(?:don'?t|do not|won'?t|will not) have (?:the |any |much )?(?:time|capacity|bandwidth)",
          "(?:no|not enough) (?:time|capacity|bandwidth)",
          "(?:can'?t|cannot|can not|won'?t be able to|am not able to|unable to|not able to)"
              + " (?:help|make (?:it|time)|take (?:this|that|it) on|commit|meet|talk|do (?:it|this|that))",
          "(?:too|very|extremely) busy",
          "(?:have|need|will have) to (?:decline|pass|say no)",
          "(?:must|will|i'?ll|we'?ll|i'?d|we'?d|would) (?:politely |respectfully )?(?:decline|pass)",
          "not (?:interested|available|the right person|in a position)",
          "(?:please )?(?:don'?t|do not) contact me",
          // German
          "leider",
          "keine zeit",
          "(?:muss|möchte) (?:ich )?(?:leider )?(?:absagen|ablehnen)",
          "kein interesse",
          "nicht (?:möglich|verfügbar|interessiert)",
          "zu beschäftigt",
          // French
          "malheureusement",
          "(?:pas|plus) (?:le|de) temps",
          "je (?:ne )?(?:peux|pourrai) pas",
          "je dois (?:décliner|refuser)",
          "pas (?:disponible|intéressée?)",
          "(?:trop|très) (?:occupée?|pris|prise|chargée?)",
          // Spanish
          "lamentablemente",
          "desafortunadamente",
          "por desgracia",
          "no tengo tiempo",
          "no (?:me )?(?:es posible|puedo)",
          "no estoy (?:interesad[oa]|disponible)",
          "(?:muy|demasiado) ocupad[oa]",
          // Dutch
          "helaas",
          "geen tijd",
          "(?:kan|zal) ik (?:niet|helaas niet)",
          "moet ik (?:het |dit )?(?:afslaan|afzeggen|weigeren)",
          "niet (?:geïnteresseerd|beschikbaar)",
          "te druk");

  /**
   * Words that agree, offer a time or simply say "no problem": any of them and the reply is not
   * taken for a no ("unfortunately not Tuesday, but happy to talk Thursday").
   */
  private static final List<Pattern> AGREES =
      compile(
          // English
          "happy to",
          "glad to",
          "(?:would|i'?d|we'?d) (?:love|be happy|be glad) to",
          "love to",
          "sure(?=[,!.])",
          "sure thing",
          "of course",
          "no problem",
          "how about",
          "what about",
          "would .{0,30}work",
          "does .{0,30}work",
          "works for me",
          "let'?s",
          "free (?:on|at|next)",
          "(?:can|could) (?:do|meet|talk|chat) (?:on|at|next)",
          "can'?t wait",
          "looking forward",
          // German
          "gerne?",
          "kein problem",
          "wie wäre es",
          "passt",
          "könnten wir",
          "freue mich",
          // French
          "avec plaisir",
          "volontiers",
          "pas de (?:problème|souci)",
          "ravie?",
          "que diriez-vous",
          // Spanish
          "con (?:mucho )?gusto",
          "encantad[oa]",
          "sin problema",
          "por supuesto",
          "qué te parece",
          "qué le parece",
          // Dutch
          "graag",
          "geen probleem",
          "prima",
          "schikt");

  /**
   * The declining phrase, up to the end of its sentence (at most 80 characters), when the words
   * read like a polite no; empty otherwise.
   */
  public static Optional<String> phrase(String words) {
    if (words == null || words.isBlank()) return Optional.empty();
    String text = words.replace('\n', ' ').replace('’', '\'');
    for (Pattern p : AGREES) if (p.matcher(text).find()) return Optional.empty();
    for (Pattern p : DECLINES) {
      Matcher m = p.matcher(text);
      if (m.find()) return Optional.of(sentence(text, m.start()));
    }
    return Optional.empty();
  }

  /** The text from {@code start} to the end of its sentence, at most 80 characters. */
  private static String sentence(String text, int start) {
    int end = start;
    while (end < text.length() && ".!?;\n".indexOf(text.charAt(end)) < 0) end++;
    String s = text.substring(start, Math.min(end, start + 80)).strip();
    return end - start > 80 ? s + "…" : s;
  }

  private static List<Pattern> compile(String... regexes) {
    return java.util.Arrays.stream(regexes)
        .map(
            r ->
                Pattern.compile(
                    "(?<![\\p{L}'])" + r + "(?![\\p{L}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
        .toList();
  }
}
