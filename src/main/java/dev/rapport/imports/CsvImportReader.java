package dev.rapport.imports;

import dev.rapport.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file with a header row into rows, each with the physical line it starts on (found
 * from the record's character position, so quoted line breaks and notes above the header are
 * counted).
 */
final class CsvImportReader {

  ParsedFile read(ImportText file) {
    HeaderRow header = new HeaderFinder().find(file);
    ImportFormat format =
        header.columns().looksLikeLinkedIn() ? ImportFormat.LINKEDIN : ImportFormat.CSV;
    List<SourceRow> rows = new ArrayList<>();
    int start = file.lines().start(header.line());
    // Blank lines come back as records rather than being skipped, so every record's position is its
    // own.
    CSVFormat csv =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(header.delimiter())
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .get();
    try (CSVParser parser =
        CSVParser.builder()
            .setReader(new StringReader(file.text().substring(start)))
            .setFormat(csv)
            .setCharacterOffset(start)
            .get()) {
      Iterator<CSVRecord> records = parser.iterator();
      records.next(); // the header itself
      int nextLine = header.line() + 1;
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) break;
          record = records.next();
        } catch (UncheckedIOException e) {
          rows.add(SourceRow.unreadable(nextLine, unclosedQuote(nextLine, file.lines().count())));
          break;
        }
        nextLine = header.line() + (int) parser.getCurrentLineNumber();
        if (record.stream().allMatch(String::isBlank)) continue;
        rows.add(row(file.lines().lineOf(record.getCharacterPosition()), record.toList(), header));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException(
          file.fileName()
              + " has its header row on line "
              + header.line()
              + " but no contacts below it.");
    }
    return new ParsedFile(file.fileName(), format, rows);
  }

  private static SourceRow row(int line, List<String> values, HeaderRow header) {
    ColumnMap columns = header.columns();
    int extra =
        (int) values.stream().skip(columns.headers().size()).filter(v -> !v.isBlank()).count();
    if (extra > 0) {
      return SourceRow.unreadable(
          line,
          "has "
              + values.size()
              + " values but the header on line "
              + header.line()
              + " names "
              + columns.headers().size()
              + " columns; a value that contains "
              + describe(header.delimiter())
              + " needs double quotes around it");
    }
    return new SourceRow(
        line,
        name(values, columns),
        columns.value(values, Column.EMAIL),
        columns.value(values, Column.COMPANY),
        columns.value(values, Column.ROLE),
        columns.value(values, Column.TIER),
        columns.value(values, Column.NOTE),
        columns.value(values, Column.HYPOTHESIS),
        columns.value(values, Column.LEVEL),
        columns.value(values, Column.KEEP),
        columns.value(values, Column.TIMEZONE),
        null,
        List.of(),
        columns.value(values, Column.PROFILE_URL),
        columns.value(values, Column.PHONE),
        columns.value(values, Column.CONNECTED_ON),
        columns.value(values, Column.CHANNEL));
  }

  /** The name column when it has a value, otherwise first and last name together. */
  private static String name(List<String> values, ColumnMap columns) {
    String full = columns.value(values, Column.NAME);
    if (full != null && !full.isBlank()) return full;
    String joined =
        Stream.of(columns.value(values, Column.FIRST_NAME), columns.value(values, Column.LAST_NAME))
            .filter(s -> s != null && !s.isBlank())
            .map(String::strip)
            .collect(Collectors.joining(" "));
    return joined.isEmpty() ? full : joined;
  }

  private static String unclosedQuote(int line, int lastLine) {
    String rest = line >= lastLine ? "line " + line : "lines " + line + "-" + lastLine;
    return "a double quote opens a value here and is never closed, so "
        + rest
        + " (the rest of the file) could not be read; look for a stray \" in this row";
  }

  private static String describe(char delimiter) {
    return switch (delimiter) {
      case ';' -> "a semicolon";
      case '\t' -> "a tab";
      default -> "a comma";
    };
  }
}
