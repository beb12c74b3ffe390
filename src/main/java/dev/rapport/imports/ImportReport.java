package dev.rapport.imports;

import java.util.List;

/**
 * What an import did (or, in a dry run, would do): the contacts it added, the rows it skipped
 * because their address is already known, and the rows it refused, each with its line.
 */
public record ImportReport(
    String fileName,
    ImportFormat format,
    boolean dryRun,
    int imported,
    List<Long> contactIds,
    List<Skipped> skipped,
    List<Rejected> rejected) {

  public ImportReport {
    contactIds = List.copyOf(contactIds);
    skipped = List.copyOf(skipped);
    rejected = List.copyOf(rejected);
  }

  /** A row whose address is already a contact, or appeared on an earlier row. */
  public record Skipped(int line, String reason, String email) {}

  /**
   * A row that could not become a contact. {@code noEmailOnly} marks rows whose only fault is a
   * missing address: common in connection exports, and reported together.
   */
  public record Rejected(int line, String reason, boolean noEmailOnly) {}
}
