package dev.rapport.imports;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The columns an import understands, each under the names spreadsheets and address-book
 * exports commonly give it. Header cells are compared without case, spaces or punctuation, so
 * "E-mail Address", "email_address" and "EmailAddress" are one name.
 */
enum Column {
  NAME("name", "fullname", "displayname", "contactname"),
  // A few German names too: semicolon CSVs come from European spreadsheets.
  FIRST_NAME("firstname", "givenname", "forename", "vorname"),
  LAST_NAME("lastname", "surname", "familyname", "nachname"),
  EMAIL("email", "emailaddress", "mail", "primaryemail", "primaryemailaddress", "email1", "email1value", "emailadresse"),
  COMPANY("company", "organization", "organisation", "employer", "companyname", "organization1name", "firma", "unternehmen"),
  ROLE("role", "title", "jobtitle", "position", "organization1title"),
  TIER("tier"),
  NOTE("note", "notes"),
  HYPOTHESIS("hypothesis", "hypothesisid");

  private final Set<String> names;

  Column(String... names) {
    this.names = Set.of(names);
  }

  /** The column a header cell names, if rapport knows it. */
  static Optional<Column> named(String header) {
    String key = key(header);
    for (Column c : values()) if (c.names.contains(key)) return Optional.of(c);
    return Optional.empty();
  }

  /** A header cell reduced to lower-case letters and digits, accents removed. */
  static String key(String header) {
    String decomposed = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder();
    decomposed.codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** How a person would name it in a sentence. */
  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
