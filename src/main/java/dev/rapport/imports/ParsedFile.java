package dev.rapport.imports;

import java.util.List;

/** A file read and split into rows, not yet checked against anything. */
public record ParsedFile(String fileName, ImportFormat format, List<SourceRow> rows) {
  public ParsedFile {
    rows = List.copyOf(rows);
  }

  public int size() {
    return rows.size();
  }
}
