package dev.rapport.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a first email the way its recipient will, after the "five-point email" of Steve Dalton's
 * <i>The 2-Hour Job Search</i> (a method many career services teach): under 100 words, a question
 * to say yes to, more about them than about you, advice rather than a job, and the connection in
 * the first line. It only warns, in plain words: the user decides, and nothing here blocks
 * approval.
 *
 * <p>Text in {@code [[placeholders]]} is the user's still to write: it is not counted, and a first
 * line holding one is taken to be where the connection will go.
 */
public final class OutreachCheck {
  /** Dalton's limit: shorter notes are answered more. */
  public static final int MAX_WORDS = 100;

  /**
   * Whom the email is for, as far as the check needs: {@code knowsYou} for the nearest tiers (1–2),
   * who need no connection named; {@code company} and {@code referrer} (first name) may be null.
   */
  public record Recipient(String firstName, String company, String referrer, boolean knowsYou) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\[\\[.*?]]", Pattern.DOTALL);
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+|\\n+");
  private static final Pattern GREETING =
      Pattern.compile(
          "(?i)^(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings)\\b[^.!?]{0,60}[,!:]?$");
  private static final Set<String> WRITER =
      Set.of("i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll");
  private static final Set<String> READER =
      Set.of(
          "you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll", "yourselves");
  private static final Set<String> I_FORMS = Set.of("I", "I'm", "I've", "I'd", "I'll");

  /** Asking for a job, or sending a CV: what turns a conversation into an application. */
  private static final Pattern JOB =
      Pattern.compile(
          "(?i)\\b(cv|résumé|resumé|curriculum vitae|my resume|attached|attaching|enclosed"
              + "|job (openings?|leads?|offers?|opportunit\\w*)|(any|open|available) (jobs?|positions?|roles?|openings?|vacanc\\w+)"
              + "|a (job|position) (at|with|in|on)|(looking for|seeking) (a |an )?(new )?(job|position)"
              + "|openings?|vacanc(y|ies)|hiring|hire me|refer me"
              + "|(apply|applying|application) (for|to))\\b");

  private static final Pattern NEGATION = Pattern.compile("(?i)\\b(not|never|no)\\b|n['’]t\\b");

  /** What shows a connection in a first line without a name in it. */
  private static final Pattern CONNECTION =
      Pattern.compile(
          "(?i)\\b(suggested|referred|introduc\\w*|recommended|we met|met you|worked (together|with you)"
              + "|fellow|alum\\w*|classmates?|former colleague|your (talk|article|post|paper|podcast|book"
              + "|interview|panel|presentation|piece|blog|newsletter|keynote|thread|video))\\b");

  private OutreachCheck() {}

  /**
   * The warnings for an outreach body, in the order of the five points; empty when it reads well.
   * {@code signature} (may be null) is left out of the count when the body ends with it.
   */
  public static List<String> check(String body, Recipient to, String signature) {
    List<String> warnings = new ArrayList<>();
    String text = withoutSignature(body == null ? "" : body, signature);
    boolean placeholder = PLACEHOLDER.matcher(text).find();
    List<String> paragraphs = paragraphs(text);
    if (!paragraphs.isEmpty() && GREETING.matcher(paragraphs.get(0)).matches())
      paragraphs.remove(0);
    String written = PLACEHOLDER.matcher(String.join("\n\n", paragraphs)).replaceAll(" ");

    int words = count(WORD.matcher(written));
    if (words > MAX_WORDS)
      warnings.add(
          "It is "
              + words
              + " words"
              + (placeholder ? " before your own line is written" : "")
              + "; notes under "
              + MAX_WORDS
              + " words are the ones that get answered. Cut what is about you.");

    if (written.indexOf('?') < 0)
      warnings.add(
          "It asks no question. End your request with one (\"Would you be open to a short"
              + " conversation?\"): a question is easier to say yes to.");

    int aboutWriter = 0;
    int aboutReader = 0;
    for (String sentence : sentences(written)) {
      int me = 0;
      int you = 0;
      Matcher m = WORD.matcher(sentence);
      while (m.find()) {
        String w = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
        if (WRITER.contains(w)) me++;
        else if (READER.contains(w)) you++;
      }
      if (me > you) aboutWriter++;
      else if (you > me) aboutReader++;
    }
    if (aboutWriter > aboutReader)
      warnings.add(
          "More of it is about you ("
              + aboutWriter
              + (aboutWriter == 1 ? " sentence" : " sentences")
              + ") than about them ("
              + aboutReader
              + "). Make it about their work and their advice.");

    for (String sentence : sentences(written)) {
      Matcher job = JOB.matcher(sentence);
      if (job.find() && !NEGATION.matcher(sentence).find()) {
        warnings.add(
            "It asks for a job or sends a CV (\""
                + job.group()
                + "\"). Ask for their advice and insight instead: people say yes to that, and"
                + " the jobs come later.");
        break;
      }
    }

    if (!to.knowsYou() && !firstLineConnects(paragraphs, to))
      warnings.add(
          "The first line names no connection. Open with who you have in common or how you came"
              + " across "
              + to.firstName()
              + ": a name, a school or employer you share, their talk or article.");
    return warnings;
  }

  private static boolean firstLineConnects(List<String> paragraphs, Recipient to) {
    if (paragraphs.isEmpty()) return false;
    String first = paragraphs.get(0);
    if (PLACEHOLDER.matcher(first).find()) return true;
    String sentence = sentences(first).stream().findFirst().orElse("");
    String lower = sentence.toLowerCase(Locale.ROOT);
    if (to.referrer() != null && lower.contains(to.referrer().toLowerCase(Locale.ROOT)))
      return true;
    if (to.company() != null
        && !to.company().isBlank()
        && lower.contains(to.company().toLowerCase(Locale.ROOT))) return true;
    if (CONNECTION.matcher(sentence).find()) return true;
    // A name anywhere but at the start of the sentence: a person, a school, an event.
    Matcher m = WORD.matcher(sentence);
    boolean start = true;
    while (m.find()) {
      String w = m.group();
      if (!start && Character.isUpperCase(w.charAt(0)) && !I_FORMS.contains(w.replace('’', '\'')))
        return true;
      start = false;
    }
    return false;
  }

  private static String withoutSignature(String body, String signature) {
    String text = body.stripTrailing();
    if (signature != null && !signature.isBlank()) {
      String sig = signature.strip();
      if (text.endsWith(sig)) text = text.substring(0, text.length() - sig.length());
    }
    return text;
  }

  private static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : text.split("\\n\\s*\\n")) if (!p.isBlank()) out.add(p.strip());
    return out;
  }

  private static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : SENTENCE_END.split(text)) if (!s.isBlank()) out.add(s.strip());
    return out;
  }

  private static int count(Matcher m) {
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
