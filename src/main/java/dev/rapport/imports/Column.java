package dev.rapport.imports;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns an import understands, each under the names spreadsheets and address-book exports
 * commonly give it, most specific first. Header cells are compared without case, spaces or
 * punctuation, so "E-mail Address", "email_address" and "EmailAddress" are one name.
 */
enum Column {
  NAME("name", "fullname", "displayname", "contactname"),
  // A few German names too: semicolon CSVs come from European spreadsheets.
  FIRST_NAME("firstname", "givenname", "forename", "vorname"),
  LAST_NAME("lastname", "surname", "familyname", "nachname"),
  EMAIL(
      "email",
      "emailaddress",
      "primaryemail",
      "primaryemailaddress",
      "email1",
      "email1value",
      "emailadresse",
      "mail"),
  COMPANY(
      "company",
      "organization",
      "organisation",
      "employer",
      "companyname",
      "organization1name",
      "firma",
      "unternehmen"),
  // "Title" last: Outlook's export has a "Title" column for Mr/Ms before its "Job Title".
  ROLE("jobtitle", "role", "position", "organization1title", "title"),
  TIER("tier"),
  LEVEL("level", "careerlevel", "seniority", "senioritylevel", "experiencelevel"),
  NOTE("note", "notes"),
  HYPOTHESIS("hypothesis", "hypothesisid"),
  KEEP("keep", "keepintouch"),
  TIMEZONE("timezone", "tz"),
  // The connections export calls the profile "URL".
  PROFILE_URL("profileurl", "url", "linkedinurl", "linkedin", "linkedinprofile", "profile"),
  PHONE("phone", "phonenumber", "mobile", "mobilephone", "cellphone", "telephone", "telefon"),
  CONNECTED_ON("connectedon"),
  CHANNEL("channel");

  private final List<String> names;

  Column(String... names) {
    this.names = List.of(names);
  }

  /** The column a header cell names, if rapport knows it. */
  static Optional<Column> named(String header) {
    String key = key(header);
    for (Column c : values()) if (c.names.contains(key)) return Optional.of(c);
    return Optional.empty();
  }

  /**
   * How specific a header's name is for this column: 0 for the most; large when it is not one of
   * its names.
   */
  int rank(String header) {
    int at = names.indexOf(key(header));
    return at < 0 ? Integer.MAX_VALUE : at;
  }

  /** A header cell reduced to lower-case letters and digits, accents removed. */
  static String key(String header) {
    String decomposed = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder();
    decomposed
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** How a person would name it in a sentence. */
  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
