package dev.rapport.draft;

import java.util.regex.Pattern;

/**
 * The subject of a reply in a thread: "Re: " and the earlier subject without the reply prefixes
 * mail clients stack in front of it ("Re: AW: Re[2]: Coffee?" becomes "Re: Coffee?"). The prefixes
 * are the reply markers of the common clients and languages (RFC 5322 §3.6.5 names only "Re:").
 */
public final class ReplySubjects {
  /**
   * One reply prefix: Re (English, and most languages), AW/Antw/Antwort (German, Dutch), SV/VS
   * (Nordic, Finnish), Réf/Ref (French), Rif (Italian), R (Italian Outlook), Odp (Polish), Ynt
   * (Turkish), Atb (Latvian), Vá (Hungarian), Res (Portuguese), with an optional counter such as
   * "Re[2]" or "Re^3", then a colon (ASCII or full-width).
   */
  private static final Pattern PREFIX =
      Pattern.compile(
          "^\\s*(?:re|aw|antw|antwort|sv|vs|réf|ref|rif|r|odp|ynt|atb|vá|res)"
              + "(?:\\s*\\[\\d+]|\\^\\d+)?\\s*[:：]\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private ReplySubjects() {}

  /** The subject without any reply prefixes in front of it; the subject itself if it has none. */
  public static String withoutPrefixes(String subject) {
    String s = subject.strip();
    while (true) {
      var m = PREFIX.matcher(s);
      if (!m.find() || m.end() == s.length()) return s;
      s = s.substring(m.end());
    }
  }

  /** True when the subject starts with a reply prefix. */
  public static boolean isReply(String subject) {
    return !withoutPrefixes(subject).equals(subject.strip());
  }

  /** "Re: " and the earlier subject, with exactly one prefix. */
  public static String reply(String earlierSubject) {
    return "Re: " + withoutPrefixes(earlierSubject);
  }
}
