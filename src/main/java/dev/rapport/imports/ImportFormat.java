package dev.rapport.imports;

/** The kinds of file {@code contacts import} reads, told apart by their content. */
public enum ImportFormat {
  /** Any CSV with a header row naming its columns. */
  CSV,
  /**
   * The professional network's "Connections.csv" export: notes above the header, many rows without
   * an address.
   */
  LINKEDIN,
  /** vCard 2.1, 3.0 or 4.0: one card per contact. */
  VCARD
}
