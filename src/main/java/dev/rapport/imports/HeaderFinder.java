package dev.rapport.imports;

import dev.rapport.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Finds the header row of a CSV file. It need not be the first line: the professional network's
 * export puts a few lines of notes above it. The delimiter is read from the header line itself, so
 * semicolon files from European spreadsheets and tab-separated text work too.
 */
final class HeaderFinder {
  static final int LINES_SCANNED = 20;
  private static final char[] DELIMITERS = {',', ';', '\t'};

  private record Candidate(int line, char delimiter, ColumnMap columns) {}

  HeaderRow find(ImportText file) {
    int last = Math.min(LINES_SCANNED, file.lines().count());
    Candidate best = null;
    for (int line = 1; line <= last; line++) {
      String text = file.lines().line(file.text(), line);
      if (text.isBlank()) continue;
      Optional<Candidate> c = candidate(line, text);
      if (c.isEmpty()) continue;
      if (c.get().columns().usable())
        return new HeaderRow(line, c.get().delimiter(), c.get().columns());
      if (best == null || c.get().columns().positions().size() > best.columns().positions().size())
        best = c.get();
    }
    throw new InvalidInputException(noHeader(file, best));
  }

  private static Optional<Candidate> candidate(int line, String text) {
    char delimiter = delimiterOf(text);
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setTrailingData(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.isEmpty()) return Optional.empty();
      return Optional.of(new Candidate(line, delimiter, ColumnMap.of(records.get(0).toList())));
    } catch (IOException | UncheckedIOException e) {
      // A line of prose with an unbalanced quote is not a header; look further.
      return Optional.empty();
    }
  }

  /** The delimiter that occurs most often outside quotes; a comma when none does. */
  static char delimiterOf(String line) {
    int[] counts = new int[DELIMITERS.length];
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') quoted = !quoted;
      for (int d = 0; d < DELIMITERS.length && !quoted; d++) if (c == DELIMITERS[d]) counts[d]++;
    }
    int best = 0;
    for (int d = 1; d < DELIMITERS.length; d++) if (counts[d] > counts[best]) best = d;
    return DELIMITERS[best];
  }

  private static String noHeader(ImportText file, Candidate best) {
    StringBuilder sb =
        new StringBuilder(file.fileName())
            .append(": found no header row with a name and an email column in the first ")
            .append(LINES_SCANNED)
            .append(" lines");
    if (best != null) {
      List<String> headers = best.columns().headers();
      sb.append(" (line ")
          .append(best.line())
          .append(" has ")
          .append(headers.stream().limit(10).map(Excerpt::quoted).collect(Collectors.joining(", ")))
          .append(headers.size() > 10 ? " and " + (headers.size() - 10) + " more" : "")
          .append(
              best.columns().positions().isEmpty()
                  ? ", none of which rapport knows"
                  : "; rapport recognised "
                      + best.columns().positions().keySet().stream()
                          .sorted(Comparator.naturalOrder())
                          .map(Column::label)
                          .collect(Collectors.joining(", ")))
          .append(')');
    }
    return sb.append(
            ". A CSV file needs a name column (\"Name\", or \"First Name\" and \"Last Name\") and an email")
        .append(
            " column (\"Email\", \"E-mail Address\"), or for people without one a profile URL or phone")
        .append(" column; vCard (.vcf) files are read too.")
        .toString();
  }
}
