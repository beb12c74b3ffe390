package dev.rapport.imports;

import ezvcard.VCard;
import ezvcard.io.ParseWarning;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.EmailType;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.TextProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a vCard file (2.1, 3.0 or 4.0) card by card. Each card is cut out of the text at its own
 * BEGIN:VCARD line and parsed alone, so its line number is certain and a broken card cannot take
 * its neighbours with it.
 */
final class VcardImportReader {
  // Warnings about other properties (a birthday in an odd format) do not matter for an import.
  private static final Set<String> USED =
      Set.of("FN", "N", "EMAIL", "ORG", "TITLE", "ROLE", "NOTE");

  private record Card(int line, String text) {}

  ParsedFile read(ImportText file) {
    List<SourceRow> rows = new ArrayList<>();
    for (Card card : cards(file)) {
      try {
        rows.add(row(card));
      } catch (RuntimeException e) {
        // A card the library chokes on is one bad row, not a failed import.
        rows.add(
            SourceRow.unreadable(
                card.line(), "the card that begins here could not be read: " + e.getMessage()));
      }
    }
    return new ParsedFile(file.fileName(), ImportFormat.VCARD, rows);
  }

  /**
   * The cards of the file: from each outermost BEGIN:VCARD to its END:VCARD (or the end of the
   * file).
   */
  private static List<Card> cards(ImportText file) {
    List<Card> cards = new ArrayList<>();
    int depth = 0;
    int begin = 0;
    int lines = file.lines().count();
    for (int line = 1; line <= lines; line++) {
      String text = file.lines().line(file.text(), line).strip().toUpperCase(Locale.ROOT);
      if (text.equals("BEGIN:VCARD")) {
        if (depth++ == 0) begin = line;
      } else if (text.equals("END:VCARD") && depth > 0 && --depth == 0) {
        cards.add(new Card(begin, slice(file, begin, line + 1)));
      }
    }
    if (depth > 0) cards.add(new Card(begin, slice(file, begin, lines + 1)));
    return cards;
  }

  private static String slice(ImportText file, int fromLine, int toLine) {
    int end = toLine > file.lines().count() ? file.text().length() : file.lines().start(toLine);
    return file.text().substring(file.lines().start(fromLine), end);
  }

  private static SourceRow row(Card card) {
    VCard vcard;
    List<String> warnings;
    try (VCardReader reader = new VCardReader(card.text())) {
      vcard = reader.readNext();
      warnings =
          reader.getWarnings().stream()
              .filter(VcardImportReader::matters)
              .map(w -> describe(w, card.line()))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does not fail
    }
    if (vcard == null)
      return SourceRow.unreadable(card.line(), "the card that begins here could not be read");
    if (!card.text().strip().toUpperCase(Locale.ROOT).endsWith("END:VCARD")) {
      return SourceRow.unreadable(
          card.line(), "the card that begins here has no END:VCARD; the file seems cut short");
    }
    return new SourceRow(
        card.line(),
        name(vcard),
        email(vcard),
        company(vcard),
        role(vcard),
        null,
        note(vcard),
        null,
        null,
        null,
        null,
        null,
        warnings,
        null,
        phone(vcard),
        null,
        null);
  }

  /** The first telephone number, as text (3.0) or from a tel: URI (4.0). */
  private static String phone(VCard v) {
    return v.getTelephoneNumbers().stream()
        .map(
            t ->
                t.getText() != null
                    ? t.getText()
                    : t.getUri() == null ? null : t.getUri().getNumber())
        .filter(VcardImportReader::present)
        .map(String::strip)
        .findFirst()
        .orElse(null);
  }

  private static String name(VCard v) {
    String formatted =
        v.getFormattedNames().stream()
            .map(FormattedName::getValue)
            .filter(VcardImportReader::present)
            .findFirst()
            .orElse(null);
    if (formatted != null) return formatted;
    StructuredName n = v.getStructuredName();
    if (n == null) return null;
    return Stream.of(n.getGiven(), n.getFamily())
        .filter(VcardImportReader::present)
        .map(String::strip)
        .collect(Collectors.joining(" "));
  }

  /**
   * The preferred address: the lowest PREF (4.0), else one typed "pref" (2.1, 3.0), else the first.
   */
  private static String email(VCard v) {
    List<Email> emails = v.getEmails().stream().filter(e -> present(e.getValue())).toList();
    return emails.stream()
        .filter(e -> pref(e) != null)
        .min(Comparator.comparing(VcardImportReader::pref))
        .or(() -> emails.stream().filter(e -> e.getTypes().contains(EmailType.PREF)).findFirst())
        .or(() -> emails.stream().findFirst())
        .map(Email::getValue)
        .map(VcardImportReader::withoutMailto)
        .orElse(null);
  }

  /** vCard 4.0 allows the address as a URI. */
  private static String withoutMailto(String value) {
    String v = value.strip();
    return v.regionMatches(true, 0, "mailto:", 0, 7) ? v.substring(7) : v;
  }

  /** PREF as a number, or null when absent or not a number (ez-vcard throws for "PREF=first"). */
  private static Integer pref(Email e) {
    try {
      return e.getPref();
    } catch (IllegalStateException malformed) {
      return null;
    }
  }

  /** The organisation's name: ORG's first part, the rest being departments. */
  private static String company(VCard v) {
    return v.getOrganizations().stream()
        .map(Organization::getValues)
        .filter(values -> !values.isEmpty())
        .map(values -> values.get(0))
        .filter(VcardImportReader::present)
        .findFirst()
        .orElse(null);
  }

  private static String role(VCard v) {
    return Stream.<TextProperty>concat(v.getTitles().stream(), v.getRoles().stream())
        .map(TextProperty::getValue)
        .filter(VcardImportReader::present)
        .findFirst()
        .orElse(null);
  }

  private static String note(VCard v) {
    String notes =
        v.getNotes().stream()
            .map(Note::getValue)
            .filter(VcardImportReader::present)
            .map(String::strip)
            .collect(Collectors.joining("\n\n"));
    return notes.isEmpty() ? null : notes;
  }

  /** A warning about a field the import uses, or about a line the reader could not parse at all. */
  private static boolean matters(ParseWarning w) {
    return w.getPropertyName() == null
        ? w.getLineNumber() != null
        : USED.contains(w.getPropertyName().toUpperCase(Locale.ROOT));
  }

  private static String describe(ParseWarning w, int cardLine) {
    String where =
        w.getLineNumber() == null ? "" : "line " + (cardLine + w.getLineNumber() - 1) + ": ";
    String what = w.getPropertyName() == null ? "" : w.getPropertyName() + ": ";
    return where + what + Objects.toString(w.getMessage(), "").strip().replaceAll("\\s+", " ");
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
