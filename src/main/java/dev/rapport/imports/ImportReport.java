package dev.rapport.imports;

import dev.rapport.contact.Channel;
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
    List<Rejected> rejected,
    List<OffEmail> offEmail,
    List<Warning> warnings) {

  public ImportReport {
    contactIds = List.copyOf(contactIds);
    skipped = List.copyOf(skipped);
    rejected = List.copyOf(rejected);
    offEmail = List.copyOf(offEmail);
    warnings = List.copyOf(warnings);
  }

  /** A report of contacts that all have an address, and rows without warnings. */
  public ImportReport(
      String fileName,
      ImportFormat format,
      boolean dryRun,
      int imported,
      List<Long> contactIds,
      List<Skipped> skipped,
      List<Rejected> rejected) {
    this(fileName, format, dryRun, imported, contactIds, skipped, rejected, List.of(), List.of());
  }

  /** A contact imported (or to be) without an address, reached on {@code channel} instead. */
  public record OffEmail(int line, String name, Channel channel) {}

  /** Something wrong in a row that was imported all the same (a date that is not a date). */
  public record Warning(int line, String text) {}

  /** A row whose address is already a contact, or appeared on an earlier row. */
  public record Skipped(int line, String reason, String email) {}

  /**
   * A row that could not become a contact. {@code noEmailOnly} marks rows whose only fault is a
   * missing address: common in connection exports, and reported together.
   */
  public record Rejected(int line, String reason, boolean noEmailOnly, String name) {
    public Rejected(int line, String reason, boolean noEmailOnly) {
      this(line, reason, noEmailOnly, null);
    }
  }
}
