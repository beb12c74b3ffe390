package dev.rapport.imports;

import dev.rapport.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a file to import and decides what it is by its content: a vCard file begins with
 * BEGIN:VCARD, anything else is tried as CSV. The file's ending is only a hint, used to say what is
 * wrong when the content does not match it. Nothing here touches the database.
 */
public final class ImportFileReader {

  public ParsedFile read(Path file) {
    ImportText text = ImportText.read(file);
    String first = firstLine(text);
    boolean vcardContent = first.strip().toUpperCase(Locale.ROOT).startsWith("BEGIN:VCARD");
    String ending = ending(text.fileName());
    if (!vcardContent && (ending.equals("vcf") || ending.equals("vcard"))) {
      throw new InvalidInputException(
          text.fileName()
              + " is named like a vCard file but line "
              + firstLineNumber(text)
              + " reads "
              + Excerpt.quoted(first)
              + " where BEGIN:VCARD was expected.");
    }
    return vcardContent ? new VcardImportReader().read(text) : new CsvImportReader().read(text);
  }

  private static String firstLine(ImportText text) {
    return text.lines().line(text.text(), firstLineNumber(text));
  }

  private static int firstLineNumber(ImportText text) {
    for (int line = 1; line <= text.lines().count(); line++) {
      if (!text.lines().line(text.text(), line).isBlank()) return line;
    }
    return 1;
  }

  private static String ending(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
