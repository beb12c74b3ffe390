package dev.rapport.imports;

/** The row of a CSV file that names its columns: where it is and how its cells are separated. */
record HeaderRow(int line, char delimiter, ColumnMap columns) {}
